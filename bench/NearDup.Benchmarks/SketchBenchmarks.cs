using System.Text;
using BenchmarkDotNet.Attributes;
using NearDup.Sketches;
using NearDup.Sketching;
using NearDup.Text;

namespace NearDup.Benchmarks;

/// <summary>
/// Text in, sketches out, per news-length document (about 3.7 KB). MB/s = UTF-8 bytes of the document / mean time.
/// <c>ScalarMinHash</c> is the same permutations without SIMD: the baseline the vector kernel must beat.
/// </summary>
[MemoryDiagnoser]
public class SketchBenchmarks
{
    private string _text = "";
    private readonly TokenList _tokens = new();
    private ulong[] _shingles = [];
    private readonly uint[] _signature = new uint[128];
    private readonly MinHasher _hasher = new(128, 1);
    private DocumentSketcher _sketcher = null!;
    private int[] _positions = [];
    private uint[] _sorted = [], _scratch = [];
    private ulong[][] _randomShingles = [];
    private uint[][] _randomFingerprints = [];

    [GlobalSetup]
    public void Setup()
    {
        _text = NewsText.Load();
        Console.WriteLine($"// document: {Encoding.UTF8.GetByteCount(_text)} UTF-8 bytes");
        Tokenizer.Tokenize(_text, TokenizerOptions.Default, _tokens);
        _shingles = new ulong[Shingles.Count(_tokens.Count, 5)];
        Shingles.Compute(_tokens.Span, 5, _shingles);
        _sketcher = new DocumentSketcher(new NearDupOptions(), _hasher, NearDup.Index.LshParameters.Optimal(0.5, 128), new NullShingleStore());
        _positions = new int[_shingles.Length];
        int selected = Winnowing.SelectPositions(_shingles, 8, _positions);
        var random = new Random(1);
        _randomShingles = Enumerable.Range(0, Inputs).Select(_ => Enumerable.Range(0, _shingles.Length).Select(_ => (ulong)random.NextInt64()).ToArray()).ToArray();
        _randomFingerprints = Enumerable.Range(0, Inputs).Select(_ => Enumerable.Range(0, selected).Select(_ => (uint)random.NextInt64()).ToArray()).ToArray();
        _sorted = new uint[selected];
        _scratch = new uint[selected];
        Console.WriteLine($"// {_shingles.Length} shingles, {selected} fingerprints");
    }

    [Benchmark(Description = "tokenise")]
    public int Tokenise()
    {
        Tokenizer.Tokenize(_text, TokenizerOptions.Default, _tokens);
        return _tokens.Count;
    }

    [Benchmark(Description = "tokenise (scalar paths only)")]
    public int TokeniseScalar()
    {
        Tokenizer.Tokenize(_text, TokenizerOptions.Default, _tokens, vectorised: false);
        return _tokens.Count;
    }

    [Benchmark(Description = "minhash 128 (SIMD)")]
    public uint MinHashVector()
    {
        _hasher.Compute(_shingles, _signature);
        return _signature[0];
    }

    [Benchmark(Baseline = true, Description = "minhash 128 (scalar)")]
    public uint ScalarMinHash()
    {
        Array.Fill(_signature, uint.MaxValue);
        _hasher.ComputeScalar(_shingles, _signature);
        return _signature[0];
    }

    [Benchmark(Description = "text to signature (tokenise+shingle+minhash)")]
    public uint TextToSignature()
    {
        Tokenizer.Tokenize(_text, TokenizerOptions.Default, _tokens);
        int n = Shingles.Compute(_tokens.Span, 5, _shingles);
        _hasher.Compute(_shingles.AsSpan(0, n), _signature);
        return _signature[0];
    }

    // Winnowing and the fingerprint sort branch on the data, so they run over many different documents' worth of
    // random hashes (the example's counts: 556 shingles, 117 fingerprints): on one input repeated, the branch predictor
    // learns it, and the comparison-based forms look twice as fast as they are on a corpus.
    private const int Inputs = 1000;

    // A van Herk / Gil-Werman form (running minima over blocks of w, no rescans) measured 4.9 µs here against 2.9 µs.
    [Benchmark(Description = "winnow w=8, per document", OperationsPerInvoke = Inputs)]
    public int Winnow()
    {
        int total = 0;
        foreach (var hashes in _randomShingles) total += Winnowing.SelectPositions(hashes, 8, _positions);
        return total;
    }

    [Benchmark(Description = "sort a document's fingerprints (radix)", OperationsPerInvoke = Inputs)]
    public uint SortFingerprintsRadix() => SortEach(radix: true);

    [Benchmark(Description = "sort a document's fingerprints (Span.Sort)", OperationsPerInvoke = Inputs)]
    public uint SortFingerprintsComparison() => SortEach(radix: false);

    private uint SortEach(bool radix)
    {
        uint total = 0;
        foreach (var fingerprints in _randomFingerprints)
        {
            fingerprints.CopyTo(_sorted, 0);
            if (radix) NearDup.Index.RadixSort.SortShort(_sorted, _scratch);
            else _sorted.AsSpan().Sort();
            total += _sorted[0];
        }
        return total;
    }

    [Benchmark(Description = "full document sketch (+winnow, LSH keys)")]
    public int FullSketch()
    {
        int n = _sketcher.Sketch(0, "x", _text).Fingerprints.Length;
        _sketcher.Flush();
        return n;
    }

    /// <summary>Discards shingles, so the benchmark measures sketching rather than storage.</summary>
    internal sealed class NullShingleStore : IShingleStore
    {
        public long Append(ReadOnlySpan<uint> shingles) => 0;
        public void Read(long offset, Span<uint> destination) => destination.Clear();
        public void Dispose() { }
    }
}
