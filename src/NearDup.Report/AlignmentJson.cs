using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json;
using NearDup.Align;

namespace NearDup.Report;

/// <summary>
/// The JSON form of passages, shared by <c>neardup compare --json</c> and the <c>passages</c> field of
/// <c>pairs.jsonl</c> (<c>dedup --passages</c>): an array of objects with <c>a_start</c>, <c>a_end</c>,
/// <c>b_start</c>, <c>b_end</c> (Unicode code points, end exclusive: Python's <c>text[a_start:a_end]</c>),
/// <c>a_tokens</c>, <c>b_tokens</c>, <c>matched_tokens</c>, <c>similarity</c> and <c>edits</c>, each edit with
/// <c>kind</c> (<c>insert</c>, <c>delete</c>, <c>substitute</c>), <c>a_start</c>, <c>a_end</c>, <c>b_start</c>,
/// <c>b_end</c>, <c>a_text</c>, <c>b_text</c>.
/// </summary>
public static class AlignmentJson
{
    /// <summary>Writer options: compact, non-ASCII text written as is (the output is JSON, not HTML).</summary>
    public static JsonWriterOptions CompactOptions { get; } = new() { Indented = false, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Writes the property <c>passages</c> and its array.</summary>
    public static void WritePassagesProperty(Utf8JsonWriter json, Alignment alignment)
    {
        ArgumentNullException.ThrowIfNull(json);
        json.WritePropertyName("passages");
        WritePassages(json, alignment);
    }

    /// <summary>Writes the passages of <paramref name="alignment"/> as a JSON array.</summary>
    public static void WritePassages(Utf8JsonWriter json, Alignment alignment)
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentNullException.ThrowIfNull(alignment);
        json.WriteStartArray();
        foreach (var p in alignment.Passages)
        {
            json.WriteStartObject();
            json.WriteNumber("a_start", p.AStart);
            json.WriteNumber("a_end", p.AEnd);
            json.WriteNumber("b_start", p.BStart);
            json.WriteNumber("b_end", p.BEnd);
            json.WriteNumber("a_tokens", p.ATokens);
            json.WriteNumber("b_tokens", p.BTokens);
            json.WriteNumber("matched_tokens", p.MatchedTokens);
            json.WriteNumber("similarity", Math.Round(p.Similarity, 4));
            json.WriteStartArray("edits");
            foreach (var e in p.Edits)
            {
                json.WriteStartObject();
                json.WriteString("kind", KindName(e.Kind));
                json.WriteNumber("a_start", e.AStart);
                json.WriteNumber("a_end", e.AEnd);
                json.WriteNumber("b_start", e.BStart);
                json.WriteNumber("b_end", e.BEnd);
                json.WriteString("a_text", e.AText);
                json.WriteString("b_text", e.BText);
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteEndObject();
        }
        json.WriteEndArray();
    }

    /// <summary>The passages array as compact UTF-8 JSON, to splice into a JSON Lines record.</summary>
    public static byte[] PassagesToUtf8(Alignment alignment)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var json = new Utf8JsonWriter(buffer, CompactOptions)) WritePassages(json, alignment);
        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>The JSON name of an edit kind: <c>insert</c>, <c>delete</c> or <c>substitute</c>.</summary>
    public static string KindName(EditKind kind) => kind switch
    {
        EditKind.Insert => "insert",
        EditKind.Delete => "delete",
        _ => "substitute",
    };
}
