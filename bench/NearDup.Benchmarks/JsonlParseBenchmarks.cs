using System.Text;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using NearDup.Corpus;

namespace NearDup.Benchmarks;

/// <summary>
/// One JSONL record to its kept fields: the flat-record fast path (<c>FlatJsonRecordScanner</c>, which the reader tries
/// first) against <see cref="Utf8JsonReader"/> (the path every line took before, and still takes when the fast path
/// declines). Lines are the news articles of <see cref="NewsText.LoadArticles"/> written as System.Text.Json writes
/// them (\n, \" and non-ASCII escaped) with an id, a title and a url. MB/s = mean line bytes (printed) / mean time.
/// </summary>
[MemoryDiagnoser]
public class JsonlParseBenchmarks
{
    private byte[][] _lines = [];
    private readonly JsonlRecordParser _parser = new(new CorpusOptions());

    private const int Lines = 100;

    [GlobalSetup]
    public void Setup()
    {
        var texts = NewsText.LoadArticles();
        _lines = Enumerable.Range(0, Lines)
            .Select(i => JsonSerializer.SerializeToUtf8Bytes(new { id = $"doc-{i}", title = $"Story {i}", url = $"https://example.com/{i}", text = texts[i % texts.Count] }))
            .ToArray();
        Console.WriteLine($"// {texts.Count} distinct articles, mean line {_lines.Average(l => l.Length):F0} bytes");
        foreach (var line in _lines)
            if (!_parser.TryScanFlat(line, out _)) throw new InvalidOperationException("the fast path declined a benchmark line");
    }

    [Benchmark(Baseline = true, Description = "Utf8JsonReader, per line", OperationsPerInvoke = Lines)]
    public int Reader()
    {
        int total = 0;
        foreach (var line in _lines)
            if (_parser.TryParseWithReader(line, out var record, out _)) total += record.Text!.Length;
        return total;
    }

    [Benchmark(Description = "flat-record fast path, per line", OperationsPerInvoke = Lines)]
    public int FastPath()
    {
        int total = 0;
        foreach (var line in _lines)
            if (_parser.TryScanFlat(line, out var record)) total += record.Text!.Length;
        return total;
    }
}
