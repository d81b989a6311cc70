using BenchmarkDotNet.Attributes;
using NearDup.Align;

namespace NearDup.Benchmarks;

/// <summary>
/// Passage alignment of one news-length pair: the real reprint pair from ../shared/examples when present (else a
/// generated article and an edited copy). Pairs per second per core = 1 / mean time.
/// </summary>
[MemoryDiagnoser]
public class AlignBenchmarks
{
    private string _a = "";
    private string _b = "";
    private readonly PassageAligner _aligner = new();

    [GlobalSetup]
    public void Setup()
    {
        (_a, _b) = NewsText.LoadPair();
        Console.WriteLine($"// pair: {_a.Length} and {_b.Length} chars");
    }

    [Benchmark(Description = "align news pair")]
    public int Align() => _aligner.Align(_a, _b).Passages.Count;
}
