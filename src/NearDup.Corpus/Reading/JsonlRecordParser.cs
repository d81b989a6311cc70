using System.Text;
using System.Text.Json;

namespace NearDup.Corpus;

/// <summary>The fields of one JSONL record; null where absent.</summary>
internal struct JsonlRecord
{
    public string? Id;
    public string? Text;
    public string? Title;
    public string? Url;
    public string? Date;
    public string? Source;
}

/// <summary>Why a record is bad, before a location is attached.</summary>
internal readonly record struct RecordProblem(CorpusErrorReason Reason, string? Field, string Detail);

/// <summary>
/// Parses one JSONL line (UTF-8 bytes, terminator removed) with <see cref="Utf8JsonReader"/>: no DOM and no string
/// for the raw line; only the values the record keeps are materialized. Unknown keys and nested values are skipped.
/// </summary>
internal sealed class JsonlRecordParser
{
    private enum Key { Other, Id, Text, Title, Url, Date, Source }

    private readonly CorpusOptions _options;
    private readonly byte[] _idKey;
    private readonly byte[] _textKey;
    private readonly byte[]? _titleKey;
    private readonly byte[]? _urlKey;
    private readonly byte[]? _dateKey;
    private readonly byte[]? _sourceKey;
    private readonly FlatJsonRecordScanner _flat;

    public JsonlRecordParser(CorpusOptions options)
    {
        _options = options;
        _idKey = Encoding.UTF8.GetBytes(options.IdField);
        _textKey = Encoding.UTF8.GetBytes(options.TextField);
        _titleKey = KeyBytes(options.TitleField);
        _urlKey = KeyBytes(options.UrlField);
        _dateKey = KeyBytes(options.DateField);
        _sourceKey = KeyBytes(options.SourceField);
        _flat = new FlatJsonRecordScanner(_idKey, _textKey, _titleKey, _urlKey, _dateKey, _sourceKey);
    }

    /// <summary>Parses <paramref name="json"/>, which must be valid UTF-8. Returns false with the problem if the record is bad.</summary>
    public bool TryParse(ReadOnlySpan<byte> json, out JsonlRecord record, out RecordProblem problem)
    {
        // Flat records (nearly all) take the fast path; whatever it does not fully understand, errors included, is
        // parsed again by the reader, which alone words the problems.
        if (!_flat.TryScan(json, out record) && !TryParseWithReader(json, out record, out problem))
            return false;
        return HasIdAndText(record, out problem);
    }

    /// <summary>Parses with <see cref="Utf8JsonReader"/>: any JSON, and the wording of every problem.</summary>
    internal bool TryParseWithReader(ReadOnlySpan<byte> json, out JsonlRecord record, out RecordProblem problem)
    {
        record = default;
        problem = default;
        var reader = new Utf8JsonReader(json, isFinalBlock: true, state: default);
        try
        {
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
                return Fail(CorpusErrorReason.MalformedJson, null, "line is not a JSON object", out problem);

            // The reader validates structure, so after StartObject tokens alternate PropertyName / value until EndObject,
            // and a truncated line throws rather than ending the loop early.
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var key = MatchKey(ref reader);
                reader.Read();
                switch (key)
                {
                    case Key.Id:
                        if (reader.TokenType == JsonTokenType.String)
                            record.Id = reader.GetString();
                        else if (reader.TokenType == JsonTokenType.Number)
                            record.Id = Encoding.UTF8.GetString(reader.ValueSpan); // raw text: 42 stays "42", 1e3 stays "1e3"
                        else if (reader.TokenType == JsonTokenType.Null)
                            record.Id = null;
                        else
                            return Fail(CorpusErrorReason.WrongFieldType, _options.IdField,
                                $"field \"{_options.IdField}\" must be a string or a number, not {Describe(reader.TokenType)}", out problem);
                        break;
                    case Key.Text:
                        if (reader.TokenType == JsonTokenType.String)
                            record.Text = reader.GetString();
                        else if (reader.TokenType == JsonTokenType.Null)
                            record.Text = null;
                        else
                            return Fail(CorpusErrorReason.WrongFieldType, _options.TextField,
                                $"field \"{_options.TextField}\" must be a string, not {Describe(reader.TokenType)}", out problem);
                        break;
                    case Key.Title:
                        record.Title = OptionalString(ref reader);
                        break;
                    case Key.Url:
                        record.Url = OptionalString(ref reader);
                        break;
                    case Key.Date:
                        record.Date = OptionalString(ref reader);
                        break;
                    case Key.Source:
                        record.Source = OptionalString(ref reader);
                        break;
                    default:
                        reader.Skip();
                        break;
                }
            }

            // Anything but whitespace after the object makes Read throw.
            if (reader.Read())
                return Fail(CorpusErrorReason.MalformedJson, null, "unexpected content after the JSON object", out problem);
        }
        catch (JsonException e)
        {
            return Fail(CorpusErrorReason.MalformedJson, null,
                $"malformed JSON at column {e.BytePositionInLine + 1}: {WithoutPosition(e.Message)}", out problem);
        }
        catch (InvalidOperationException e)
        {
            // GetString throws this for escapes that do not decode, such as a lone surrogate "\ud800".
            return Fail(CorpusErrorReason.MalformedJson, null, $"malformed JSON string: {e.Message}", out problem);
        }
        return true;
    }

    /// <summary>The flat-record fast path alone (for tests); false when it leaves the line to the reader.</summary>
    internal bool TryScanFlat(ReadOnlySpan<byte> json, out JsonlRecord record) => _flat.TryScan(json, out record);

    private bool HasIdAndText(in JsonlRecord record, out RecordProblem problem)
    {
        problem = default;
        if (record.Id is null)
            return Fail(CorpusErrorReason.MissingId, _options.IdField, $"field \"{_options.IdField}\" is missing", out problem);
        if (record.Text is null)
            return Fail(CorpusErrorReason.MissingText, _options.TextField, $"field \"{_options.TextField}\" is missing", out problem);
        return true;
    }

    private Key MatchKey(ref Utf8JsonReader reader)
    {
        if (reader.ValueTextEquals(_textKey))
            return Key.Text;
        if (reader.ValueTextEquals(_idKey))
            return Key.Id;
        if (_titleKey is not null && reader.ValueTextEquals(_titleKey))
            return Key.Title;
        if (_urlKey is not null && reader.ValueTextEquals(_urlKey))
            return Key.Url;
        if (_dateKey is not null && reader.ValueTextEquals(_dateKey))
            return Key.Date;
        if (_sourceKey is not null && reader.ValueTextEquals(_sourceKey))
            return Key.Source;
        return Key.Other;
    }

    /// <summary>Metadata is optional: a string is kept, anything else is ignored.</summary>
    private static string? OptionalString(ref Utf8JsonReader reader)
    {
        if (reader.TokenType == JsonTokenType.String)
            return reader.GetString();
        reader.Skip();
        return null;
    }

    private static bool Fail(CorpusErrorReason reason, string? field, string detail, out RecordProblem problem)
    {
        problem = new RecordProblem(reason, field, detail);
        return false;
    }

    private static byte[]? KeyBytes(string? name) => name is null ? null : Encoding.UTF8.GetBytes(name);

    private static string Describe(JsonTokenType token) => token switch
    {
        JsonTokenType.StartObject => "an object",
        JsonTokenType.StartArray => "an array",
        JsonTokenType.String => "a string",
        JsonTokenType.Number => "a number",
        JsonTokenType.True or JsonTokenType.False => "a boolean",
        JsonTokenType.Null => "null",
        _ => token.ToString(),
    };

    /// <summary>System.Text.Json appends " LineNumber: 0 | BytePositionInLine: n." which means nothing for a single line.</summary>
    private static string WithoutPosition(string message)
    {
        int cut = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        return cut > 0 ? message[..cut] : message;
    }
}
