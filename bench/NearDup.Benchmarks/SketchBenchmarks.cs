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

    [GlobalSetup]
    public void Setup()
    {
        _text = NewsText.Load();
        Console.WriteLine($"// document: {Encoding.UTF8.GetByteCount(_text)} UTF-8 bytes");
        Tokenizer.Tokenize(_text, TokenizerOptions.Default, _tokens);
        _shingles = new ulong[Shingles.Count(_tokens.Count, 5)];
        Shingles.Compute(_tokens.Span, 5, _shingles);
        _sketcher = new DocumentSketcher(new NearDupOptions(), _hasher, NearDup.Index.LshParameters.Optimal(0.5, 128), new NullShingleStore());
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

    [Benchmark(Description = "full document sketch (+winnow, LSH keys)")]
    public int FullSketch()
    {
        int n = _sketcher.Sketch(0, "x", _text).Fingerprints.Length;
        _sketcher.Flush();
        return n;
    }

    /// <summary>Discards shingles, so the benchmark measures sketching rather than storage.</summary>
    private sealed class NullShingleStore : IShingleStore
    {
        public long Append(ReadOnlySpan<uint> shingles) => 0;
        public void Read(long offset, Span<uint> destination) => destination.Clear();
        public void Dispose() { }
    }
}
