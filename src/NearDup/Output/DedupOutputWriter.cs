using System.Text.Json;

namespace NearDup.Output;

/// <summary>Writes a run's pairs and clusters as JSON Lines, each file atomically.</summary>
public static class DedupOutputWriter
{
    /// <summary>The pairs file name inside the output folder.</summary>
    public const string PairsFile = "pairs.jsonl";
    /// <summary>The clusters file name inside the output folder.</summary>
    public const string ClustersFile = "clusters.jsonl";

    /// <summary>Writes <c>pairs.jsonl</c>: one verified pair per line, ordered by the read order of (a, b).</summary>
    public static void WritePairs(string path, DedupResult result) => WritePairs(path, result, passages: null);

    /// <summary>
    /// Writes <c>pairs.jsonl</c> as <see cref="WritePairs(string, DedupResult)"/> does, each line with an extra
    /// <c>passages</c> field when <paramref name="passages"/> is given: one JSON array (UTF-8) per pair, in pair order,
    /// spliced in as is. The sequence is consumed while the file is written, so it may be produced lazily.
    /// </summary>
    /// <exception cref="InvalidOperationException"><paramref name="passages"/> ends before the pairs do.</exception>
    public static void WritePairs(string path, DedupResult result, IEnumerable<ReadOnlyMemory<byte>>? passages)
    {
        AtomicFile.Write(path, stream =>
        {
            using var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = false, SkipValidation = true });
            using var extra = passages?.GetEnumerator();
            foreach (var pair in result.Pairs)
            {
                json.WriteStartObject();
                json.WriteString("a", result.Documents[pair.A].Id);
                json.WriteString("b", result.Documents[pair.B].Id);
                json.WriteString("relation", pair.Relation.ToJsonName());
                json.WriteNumber("resemblance", Math.Round(pair.Resemblance, 4));
                json.WriteNumber("containment_a_in_b", Math.Round(pair.ContainmentAInB, 4));
                json.WriteNumber("containment_b_in_a", Math.Round(pair.ContainmentBInA, 4));
                json.WriteNumber("shared_words", pair.SharedWords);
                json.WriteNumber("shared_shingles", pair.SharedShingles);
                if (extra is not null)
                {
                    if (!extra.MoveNext()) throw new InvalidOperationException("Fewer passage arrays than pairs.");
                    json.WritePropertyName("passages");
                    json.WriteRawValue(extra.Current.Span, skipInputValidation: true);
                }
                json.WriteEndObject();
                json.Flush();
                json.Reset(); // one JSON value per line: no separator between lines
                stream.WriteByte((byte)'\n');
            }
        });
    }

    /// <summary>Writes <c>clusters.jsonl</c>: one cluster of copies per line with its representative and members (ids, read order).</summary>
    public static void WriteClusters(string path, DedupResult result)
    {
        AtomicFile.Write(path, stream =>
        {
            using var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = false, SkipValidation = true });
            foreach (var cluster in result.Clusters)
            {
                json.WriteStartObject();
                json.WriteNumber("cluster", cluster.Id);
                json.WriteString("representative", result.Documents[cluster.Representative].Id);
                json.WriteNumber("size", cluster.Members.Length);
                json.WriteStartArray("members");
                foreach (int m in cluster.Members) json.WriteStringValue(result.Documents[m].Id);
                json.WriteEndArray();
                json.WriteEndObject();
                json.Flush();
                json.Reset(); // one JSON value per line: no separator between lines
                stream.WriteByte((byte)'\n');
            }
        });
    }
}
