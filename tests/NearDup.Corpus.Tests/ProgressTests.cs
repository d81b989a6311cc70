using NearDup.Corpus;
using static NearDup.Corpus.Tests.TestFiles;

namespace NearDup.Corpus.Tests;

public class ProgressTests
{
    private static void AssertProgressEndsAtTotal(IReadOnlyList<string> paths, long expectedTotal)
    {
        var reader = Corpus.Open(paths, new CorpusOptions { JsonlBufferSize = 256 });
        Assert.Equal(expectedTotal, reader.TotalBytes);
        Assert.Equal(0, reader.BytesRead);

        long previous = 0;
        int documents = 0;
        foreach (var _ in reader.ReadDocuments())
        {
            long now = reader.BytesRead;
            Assert.InRange(now, previous, expectedTotal);
            previous = now;
            documents++;
        }

        Assert.True(documents > 0);
        Assert.Equal(expectedTotal, reader.BytesRead);
    }

    [Fact]
    public void Jsonl_progress_reaches_the_file_size()
    {
        string path = Fixture("news.jsonl");
        AssertProgressEndsAtTotal([path], new FileInfo(path).Length);
    }

    [Fact]
    public void Gzip_progress_counts_compressed_bytes()
    {
        using var dir = new TempDir();
        string content = string.Concat(Enumerable.Range(0, 5000).Select(i => $"{{\"id\":\"d{i}\",\"text\":\"repetitive text {i % 10}\"}}\n"));
        string path = dir.WriteGzip("big.jsonl.gz", content);
        long compressed = new FileInfo(path).Length;
        Assert.True(compressed < content.Length / 5);

        AssertProgressEndsAtTotal([path], compressed);
    }

    [Fact]
    public async Task Progress_over_mixed_inputs_reaches_the_sum_of_their_sizes()
    {
        using var dir = new TempDir();
        string parquet = dir.File("docs.parquet");
        await WriteParquetAsync(parquet, ParquetReaderTests.FirstGroup, ParquetReaderTests.SecondGroup);
        string texts = Fixture("texts");
        long textBytes = new[] { "a.txt", "b.txt", "sub/c.txt" }.Sum(f => new FileInfo(Path.Combine(texts, f)).Length);

        AssertProgressEndsAtTotal([Fixture("news.jsonl"), texts, parquet, Fixture("site", "news")],
            new FileInfo(Fixture("news.jsonl")).Length + textBytes + new FileInfo(parquet).Length
            + new FileInfo(Fixture("site", "news", "rivers.html")).Length);
    }

    [Fact]
    public async Task Progress_can_be_watched_from_another_thread()
    {
        using var dir = new TempDir();
        string content = string.Concat(Enumerable.Range(0, 20_000).Select(i => $"{{\"id\":\"d{i}\",\"text\":\"text number {i}\"}}\n"));
        string path = dir.Write("many.jsonl", content);
        var reader = Corpus.Open([path], new CorpusOptions { JsonlBufferSize = 4096 });
        long total = reader.TotalBytes!.Value;
        var seen = new List<long>();
        using var done = new ManualResetEventSlim();

        var watcher = Task.Run(() =>
        {
            while (!done.IsSet)
                seen.Add(reader.BytesRead);
            seen.Add(reader.BytesRead);
        });
        long count = reader.ReadDocuments().LongCount();
        done.Set();
        await watcher;

        Assert.Equal(20_000, count);
        Assert.Equal(total, seen[^1]);
        Assert.All(seen.Zip(seen.Skip(1)), pair => Assert.True(pair.First <= pair.Second));
        Assert.Equal(20_000, reader.DocumentsRead);
    }
}
