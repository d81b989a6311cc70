using System.Text;
using System.Text.Json;

namespace NearDup.Corpus;

/// <summary>Which kept field of a record a JSONL key names.</summary>
internal enum JsonlField { Other, Id, Text, Title, Url, Date, Source }

/// <summary>The fields of one JSONL record; null where absent.</summary>
internal struct JsonlRecord
{
    public string? Id;
    public string? Text;
    public string? Title;
    public string? Url;
    public string? Date;
    public string? Source;

    /// <summary>Stores <paramref name="value"/> in <paramref name="field"/> (a repeated key's later value replaces the
    /// earlier one); <see cref="JsonlField.Other"/> is ignored.</summary>
    public void Set(JsonlField field, string? value)
    {
        switch (field)
        {
            case JsonlField.Id: Id = value; break;
            case JsonlField.Text: Text = value; break;
            case JsonlField.Title: Title = value; break;
            case JsonlField.Url: Url = value; break;
            case JsonlField.Date: Date = value; break;
            case JsonlField.Source: Source = value; break;
        }
    }
}

/// <summary>The key names the options configure (UTF-8), each with the field it fills, in the order they are tried;
/// one table for the reader path and the fast path, so both name a key the same way.</summary>
internal sealed class JsonlKeys
{
    private readonly (byte[] Name, JsonlField Field)[] _names;

    public JsonlKeys(CorpusOptions options)
    {
        var names = new List<(byte[], JsonlField)>
        {
            (Encoding.UTF8.GetBytes(options.TextField), JsonlField.Text),
            (Encoding.UTF8.GetBytes(options.IdField), JsonlField.Id),
        };
        foreach (var (name, field) in new[] { (options.TitleField, JsonlField.Title), (options.UrlField, JsonlField.Url),
                     (options.DateField, JsonlField.Date), (options.SourceField, JsonlField.Source) })
            if (name is not null) names.Add((Encoding.UTF8.GetBytes(name), field));
        _names = [.. names];
    }

    /// <summary>The field named by an unescaped key.</summary>
    public JsonlField Match(ReadOnlySpan<byte> key)
    {
        foreach (var (name, field) in _names)
            if (key.SequenceEqual(name)) return field;
        return JsonlField.Other;
    }

    /// <summary>The field named by the property name the reader is on (escaped or not).</summary>
    public JsonlField Match(ref Utf8JsonReader reader)
    {
        foreach (var (name, field) in _names)
            if (reader.ValueTextEquals(name)) return field;
        return JsonlField.Other;
    }
}

/// <summary>Why a record is bad, before a location is attached.</summary>
internal readonly record struct RecordProblem(CorpusErrorReason Reason, string? Field, string Detail);

/// <summary>
/// Parses one JSONL line (UTF-8 bytes, terminator removed) with <see cref="Utf8JsonReader"/>: no DOM and no string
/// for the raw line; only the values the record keeps are materialized. Unknown keys and nested values are skipped.
/// </summary>
internal sealed class JsonlRecordParser
{
    private readonly CorpusOptions _options;
    private readonly JsonlKeys _keys;
    private readonly FlatJsonRecordScanner _flat;

    public JsonlRecordParser(CorpusOptions options)
    {
        _options = options;
        _keys = new JsonlKeys(options);
        _flat = new FlatJsonRecordScanner(_keys);
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
                var key = _keys.Match(ref reader);
                reader.Read();
                switch (key)
                {
                    case JsonlField.Id:
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
                    case JsonlField.Text:
                        if (reader.TokenType == JsonTokenType.String)
                            record.Text = reader.GetString();
                        else if (reader.TokenType == JsonTokenType.Null)
                            record.Text = null;
                        else
                            return Fail(CorpusErrorReason.WrongFieldType, _options.TextField,
                                $"field \"{_options.TextField}\" must be a string, not {Describe(reader.TokenType)}", out problem);
                        break;
                    case JsonlField.Title or JsonlField.Url or JsonlField.Date or JsonlField.Source:
                        record.Set(key, OptionalString(ref reader));
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
