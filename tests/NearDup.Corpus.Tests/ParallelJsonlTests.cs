using System.Text;
using NearDup.Corpus;

namespace NearDup.Corpus.Tests;

/// <summary>
/// JSONL lines are parsed on several threads and taken back in file order: documents, ordinals, skip counts and
/// the first error must be exactly those of the one-thread reader, however the lines fall into chunks.
/// </summary>
public class ParallelJsonlTests
{
    /// <summary>Good lines mixed with every kind of bad line, spread so they land in many different chunks.</summary>
    private static string MixedCorpus(int lines, int seed)
    {
        var random = new Random(seed);
        var sb = new StringBuilder();
        for (int i = 0; i < lines; i++)
        {
            string text = string.Join(' ', Enumerable.Range(0, random.Next(1, 30)).Select(w => $"w{random.Next(500)}"));
            switch (random.Next(14))
            {
                case 0: sb.Append("{\"id\":\"x").Append(i).Append("\",\"text\":\"unterminated\n"); break;   // malformed JSON
                case 1: sb.Append("{\"text\":\"").Append(text).Append("\"}\n"); break;                      // missing id
                case 2: sb.Append("{\"id\":\"d").Append(random.Next(i + 1)).Append("\",\"text\":\"").Append(text).Append("\"}\n"); break; // maybe a duplicate id
                case 3: sb.Append("{\"id\":\"e").Append(i).Append("\",\"text\":\"   \"}\n"); break;         // empty text
                case 4: sb.Append('\n'); break;                                                               // blank line
                case 5: sb.Append("{\"id\":\"b").Append(i).Append("\",\"text\":\"bad \u00ff\u00fe bytes\"}\n"); break; // replaced below
                default: sb.Append("{\"id\":\"g").Append(i).Append("\",\"text\":\"").Append(text).Append("\",\"title\":\"t").Append(i).Append("\"}\r\n"); break;
            }
        }
        return sb.ToString();
    }

    private static byte[] WithInvalidUtf8(string corpus)
    {
        // "\u00ff\u00fe" encodes as C3 BF C3 BE; make the C3s lone continuation-less bytes: invalid UTF-8 on those lines.
        var bytes = Encoding.UTF8.GetBytes(corpus);
        for (int i = 0; i + 3 < bytes.Length; i++)
            if (bytes[i] == 0xC3 && bytes[i + 1] == 0xBF && bytes[i + 2] == 0xC3 && bytes[i + 3] == 0xBE) { bytes[i + 1] = (byte)'?'; }
        return bytes;
    }

    private static (List<(long, string, string, string?, SourceLocation)> Docs, string Skips) ReadSkipping(string path, CorpusOptions options)
    {
        var reader = Corpus.Open([path], options with { OnBadRecord = BadRecordAction.Skip });
        var docs = reader.ReadDocuments().Select(d => (d.Ordinal, d.Id, d.Text, d.Title, d.Location)).ToList();
        return (docs, reader.SkipReport.Total + ": " + reader.SkipReport);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Parallel_parsing_gives_the_sequential_documents_and_skips(int seed)
    {
        using var dir = new TempDir();
        string path = dir.Write("mixed.jsonl", WithInvalidUtf8(MixedCorpus(2_000, seed)));
        var sequential = ReadSkipping(path, new CorpusOptions { ParseThreads = 1 });
        Assert.True(sequential.Docs.Count > 1_000, "the corpus should be mostly good lines");
        Assert.Contains("invalid", sequential.Skips, StringComparison.OrdinalIgnoreCase);

        foreach (int chunkBytes in new[] { 1, 100, 4096, 1 << 20 })
            foreach (int threads in new[] { 2, 4 })
            {
                var parallel = ReadSkipping(path, new CorpusOptions { ParseThreads = threads, JsonlChunkBytes = chunkBytes, JsonlBufferSize = 333 });
                Assert.Equal(sequential.Docs, parallel.Docs);
                Assert.Equal(sequential.Skips, parallel.Skips);
            }
    }

    [Fact]
    public void A_gzip_file_parsed_in_parallel_gives_the_plain_files_documents()
    {
        using var dir = new TempDir();
        string corpus = MixedCorpus(1_500, seed: 7).Replace("bad \u00ff\u00fe bytes", "fine bytes");
        string plain = dir.Write("mixed.jsonl", corpus);
        string gzip = dir.WriteGzip("mixed.jsonl.gz", corpus);
        var sequential = ReadSkipping(plain, new CorpusOptions { ParseThreads = 1 });
        var parallel = ReadSkipping(gzip, new CorpusOptions { ParseThreads = 4, JsonlChunkBytes = 2048 });
        Assert.Equal(sequential.Docs.Select(d => (d.Item1, d.Item2, d.Item3, d.Item4, d.Item5.Line)),
                     parallel.Docs.Select(d => (d.Item1, d.Item2, d.Item3, d.Item4, d.Item5.Line)));
        Assert.Equal(sequential.Skips.Replace(plain, "X"), parallel.Skips.Replace(gzip, "X"));
    }

    [Fact]
    public void Parallel_parsing_fails_on_the_first_bad_line_in_file_order()
    {
        using var dir = new TempDir();
        var sb = new StringBuilder();
        for (int i = 1; i <= 5_000; i++)
            sb.Append(i is 3_001 or 4_500 ? "{\"id\":\"broken\n" : $"{{\"id\":\"{i}\",\"text\":\"text {i}\"}}\n");
        string path = dir.Write("late-error.jsonl", sb.ToString());

        foreach (int threads in new[] { 1, 2, 8 })
        {
            var reader = Corpus.Open([path], new CorpusOptions { ParseThreads = threads, JsonlChunkBytes = 512 });
            int seen = 0;
            var error = Assert.Throws<CorpusException>(() => { foreach (var _ in reader.ReadDocuments()) seen++; });
            Assert.Equal(3_001, error.Location.Line);
            Assert.Equal(3_000, seen);
        }
    }

    [Fact]
    public void A_consumer_that_stops_early_does_not_hang_the_reader()
    {
        using var dir = new TempDir();
        string path = dir.Write("many.jsonl", string.Concat(Enumerable.Range(0, 20_000).Select(i => $"{{\"id\":\"{i}\",\"text\":\"t {i}\"}}\n")));
        var reader = Corpus.Open([path], new CorpusOptions { ParseThreads = 4, JsonlChunkBytes = 256 });
        var first = reader.ReadDocuments().Take(10).ToList();
        Assert.Equal(Enumerable.Range(0, 10).Select(i => i.ToString()), first.Select(d => d.Id));
    }
}
