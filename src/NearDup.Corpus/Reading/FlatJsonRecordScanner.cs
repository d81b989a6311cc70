using System.Buffers;
using System.Buffers.Text;
using System.Text;

namespace NearDup.Corpus;

/// <summary>
/// The fast path for the common JSONL record: one flat object whose values are strings, numbers, booleans or null.
/// It finds each string's end with a vectorised search and decodes only the values the record keeps, in one pass,
/// where <see cref="System.Text.Json.Utf8JsonReader"/> walks a string byte by byte after its first escape (news text
/// is full of \n and \") and then decodes it in a second pass. It decides only what it fully understands: a valid
/// flat record. Anything else (nested values, escaped keys, a lone surrogate, any syntax error) returns false
/// without deciding, and the caller parses the line with the reader, which then gives the error or the record.
/// </summary>
/// <remarks>Requires the line to be valid UTF-8 (the caller checks it first), so unescaped runs need no validation.</remarks>
internal sealed class FlatJsonRecordScanner(JsonlKeys keys)
{
    // A JSON string ends at a quote; a backslash starts an escape; raw control characters are not allowed in it.
    private static readonly SearchValues<byte> StringStops = SearchValues.Create(
        [(byte)'"', (byte)'\\', .. Enumerable.Range(0, 0x20).Select(b => (byte)b)]);

    /// <summary>True with the record when <paramref name="json"/> is a valid flat object whose kept fields have
    /// the types a record allows; false when the line needs the full reader (to parse it or to describe its error).</summary>
    public bool TryScan(ReadOnlySpan<byte> json, out JsonlRecord record)
    {
        record = default;
        int i = SkipWhitespace(json, 0);
        if (i >= json.Length || json[i] != '{') return false;
        i = SkipWhitespace(json, i + 1);
        if (i < json.Length && json[i] == '}') return SkipWhitespace(json, i + 1) == json.Length;
        while (true)
        {
            if (i >= json.Length || json[i] != '"') return false;
            int keyEnd = json[(i + 1)..].IndexOfAny(StringStops);
            if (keyEnd < 0 || json[i + 1 + keyEnd] != '"') return false; // escaped or unterminated key: the reader decides
            var key = keys.Match(json.Slice(i + 1, keyEnd));
            i = SkipWhitespace(json, i + 1 + keyEnd + 1);
            if (i >= json.Length || json[i] != ':') return false;
            i = SkipWhitespace(json, i + 1);
            if (i >= json.Length) return false;

            byte first = json[i];
            if (first == '"')
            {
                if (!TryString(json, ref i, decode: key != JsonlField.Other, out string? value)) return false;
                record.Set(key, value);
            }
            else if (first == '-' || (uint)(first - '0') <= 9)
            {
                int start = i;
                if (!TryNumber(json, ref i)) return false;
                if (key == JsonlField.Id) record.Id = Encoding.UTF8.GetString(json[start..i]); // raw text, as the reader path keeps it
                else if (key == JsonlField.Text) return false;                                 // a type error: the reader path words it
                else record.Set(key, null);
            }
            else if (json[i..].StartsWith("null"u8))
            {
                i += 4;
                record.Set(key, null);
            }
            else if (json[i..].StartsWith("true"u8) || json[i..].StartsWith("false"u8))
            {
                if (key is JsonlField.Id or JsonlField.Text) return false;
                i += first == 't' ? 4 : 5;
                record.Set(key, null);
            }
            else return false; // an object, an array, or not JSON

            i = SkipWhitespace(json, i);
            if (i >= json.Length) return false;
            if (json[i] == '}') return SkipWhitespace(json, i + 1) == json.Length;
            if (json[i] != ',') return false;
            i = SkipWhitespace(json, i + 1);
        }
    }

    private static int SkipWhitespace(ReadOnlySpan<byte> json, int i)
    {
        while (i < json.Length && json[i] is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n') i++;
        return i;
    }

    /// <summary>Scans the string starting at the quote at <paramref name="i"/>, leaving <paramref name="i"/> after its closing
    /// quote; decodes it when <paramref name="decode"/>. False on anything invalid or on a \u escape that is not a whole character.</summary>
    private static bool TryString(ReadOnlySpan<byte> json, ref int i, bool decode, out string? value)
    {
        value = null;
        int start = i + 1;
        int stop = json[start..].IndexOfAny(StringStops);
        if (stop < 0) return false;
        if (json[start + stop] == '"')
        {
            // No escape at all (titles, ids, urls; some texts): one transcoding pass.
            if (decode) value = Encoding.UTF8.GetString(json.Slice(start, stop));
            i = start + stop + 1;
            return true;
        }

        // The decoded text is never longer, in UTF-16 units, than its UTF-8 bytes.
        char[]? buffer = null;
        try
        {
            if (decode) buffer = ArrayPool<char>.Shared.Rent(json.Length - start);
            int written = 0;
            int p = start;
            while (true)
            {
                var run = json.Slice(p, stop);
                if (decode) written += Encoding.UTF8.GetChars(run, buffer.AsSpan(written));
                p += stop;
                byte b = json[p];
                if (b == '"') break;
                if (b != '\\' || p + 1 >= json.Length) return false; // a raw control character, or a lone backslash at the end
                byte escape = json[p + 1];
                char c;
                switch (escape)
                {
                    case (byte)'"': c = '"'; break;
                    case (byte)'\\': c = '\\'; break;
                    case (byte)'/': c = '/'; break;
                    case (byte)'b': c = '\b'; break;
                    case (byte)'f': c = '\f'; break;
                    case (byte)'n': c = '\n'; break;
                    case (byte)'r': c = '\r'; break;
                    case (byte)'t': c = '\t'; break;
                    case (byte)'u':
                        if (!TryHex4(json, p + 2, out char unit)) return false;
                        if (char.IsLowSurrogate(unit)) return false;
                        if (char.IsHighSurrogate(unit))
                        {
                            // Only a pair is a character; the reader path refuses a lone half, so leave that to it.
                            if (p + 12 > json.Length || json[p + 6] != '\\' || json[p + 7] != 'u'
                                || !TryHex4(json, p + 8, out char low) || !char.IsLowSurrogate(low)) return false;
                            if (decode) { buffer![written++] = unit; buffer[written++] = low; }
                            p += 12;
                            goto next;
                        }
                        if (decode) buffer![written++] = unit;
                        p += 6;
                        goto next;
                    default: return false;
                }
                if (decode) buffer![written++] = c;
                p += 2;
            next:
                stop = json[p..].IndexOfAny(StringStops);
                if (stop < 0) return false;
            }
            if (decode) value = new string(buffer.AsSpan(0, written));
            i = p + 1;
            return true;
        }
        finally
        {
            if (buffer is not null) ArrayPool<char>.Shared.Return(buffer);
        }
    }

    private static bool TryHex4(ReadOnlySpan<byte> json, int at, out char unit)
    {
        unit = '\0';
        if (at + 4 > json.Length) return false;
        int value = 0;
        for (int k = 0; k < 4; k++)
        {
            int digit = HexValue(json[at + k]);
            if (digit < 0) return false;
            value = (value << 4) | digit;
        }
        unit = (char)value;
        return true;
    }

    private static int HexValue(byte b) => b switch
    {
        >= (byte)'0' and <= (byte)'9' => b - '0',
        >= (byte)'a' and <= (byte)'f' => b - 'a' + 10,
        >= (byte)'A' and <= (byte)'F' => b - 'A' + 10,
        _ => -1,
    };

    /// <summary>JSON's number grammar, strictly: -?(0|[1-9][0-9]*)(.[0-9]+)?([eE][+-]?[0-9]+)?</summary>
    private static bool TryNumber(ReadOnlySpan<byte> json, ref int i)
    {
        int p = i;
        if (p < json.Length && json[p] == '-') p++;
        if (p >= json.Length) return false;
        if (json[p] == '0') p++;
        else if ((uint)(json[p] - '1') <= 8) { while (p < json.Length && IsDigit(json[p])) p++; }
        else return false;
        if (p < json.Length && json[p] == '.')
        {
            p++;
            if (p >= json.Length || !IsDigit(json[p])) return false;
            while (p < json.Length && IsDigit(json[p])) p++;
        }
        if (p < json.Length && (json[p] == 'e' || json[p] == 'E'))
        {
            p++;
            if (p < json.Length && (json[p] == '+' || json[p] == '-')) p++;
            if (p >= json.Length || !IsDigit(json[p])) return false;
            while (p < json.Length && IsDigit(json[p])) p++;
        }
        // What follows must be whitespace, ',' or '}', which the caller checks: "12abc" is refused there.
        i = p;
        return true;

        static bool IsDigit(byte b) => (uint)(b - '0') <= 9;
    }
}
