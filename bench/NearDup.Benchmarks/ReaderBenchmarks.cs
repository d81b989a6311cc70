using System.Text;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using NearDup.Corpus;

namespace NearDup.Benchmarks;

/// <summary>
/// JSONL in, documents out (UTF-8 validation, JSON, decoding to text, id checks), with the lines parsed on the
/// reading thread (1) or on 2 or 4 parse threads. The file is 4,000 news-length lines (16 MB) in the page cache;
/// MB/s = file bytes / mean time. On a machine with many cores the one-thread reader caps a whole dedup run;
/// on a 2-core machine the parse threads compete with the reading thread (see CorpusOptions.ParseThreadsFor).
/// </summary>
[MemoryDiagnoser]
public class ReaderBenchmarks
{
    private string _path = "";

    [Params(1, 2, 4)]
    public int ParseThreads { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _path = Path.Combine(Path.GetTempPath(), $"neardup-reader-bench-{Environment.ProcessId}.jsonl");
        string text = JsonSerializer.Serialize(NewsText.Load());
        using (var writer = new StreamWriter(_path, false, new UTF8Encoding(false)))
            for (int i = 0; i < 4_000; i++)
                writer.Write($"{{\"id\":\"doc-{i}\",\"title\":\"Story {i}\",\"text\":{text}}}\n");
        Console.WriteLine($"// file: {new FileInfo(_path).Length} bytes");
    }

    [GlobalCleanup]
    public void Cleanup() => File.Delete(_path);

    [Benchmark(Description = "read JSONL")]
    public long Read()
    {
        long chars = 0;
        foreach (var document in NearDup.Corpus.Corpus.Open([_path], new CorpusOptions { ParseThreads = ParseThreads }).ReadDocuments())
            chars += document.Text.Length;
        return chars;
    }
}
