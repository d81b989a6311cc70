using System.Text;
using BenchmarkDotNet.Attributes;
using NearDup.Sketches;
using NearDup.Sketching;
using NearDup.Text;

namespace NearDup.Benchmarks;

/// <summary>
/// The sketch kernels over many different news articles in turn (the 100 of ../shared/data/news-story-chains-energy,
/// else the bundled sample's 16), per article. <see cref="SketchBenchmarks"/> runs one article over and over, which
/// lets the branch predictor learn its words; a corpus never repeats, so these are the figures a run sees.
/// MB/s = the articles' mean UTF-8 bytes (printed) / mean time.
/// </summary>
[MemoryDiagnoser]
public class CorpusSketchBenchmarks
{
    private string[] _texts = [];
    private readonly TokenList _tokens = new();
    private ulong[] _shingles = new ulong[1 << 16];
    private readonly uint[] _signature = new uint[128];
    private readonly MinHasher _hasher = new(128, 1);
    private DocumentSketcher _sketcher = null!;

    // BenchmarkDotNet needs a constant; GlobalSetup checks the articles found fill it (repeating the sample's if not).
    private const int Articles = 100;

    [GlobalSetup]
    public void Setup()
    {
        var texts = NewsText.LoadArticles();
        _texts = Enumerable.Range(0, Articles).Select(i => texts[i % texts.Count]).ToArray();
        Console.WriteLine($"// {texts.Count} distinct articles, mean {_texts.Average(t => Encoding.UTF8.GetByteCount(t)):F0} UTF-8 bytes");
        _sketcher = new DocumentSketcher(new NearDupOptions(), _hasher, NearDup.Index.LshParameters.Optimal(0.5, 128), new SketchBenchmarks.NullShingleStore());
    }

    [Benchmark(Description = "tokenise, per article", OperationsPerInvoke = Articles)]
    public int Tokenise() => TokeniseAll(vectorised: true);

    [Benchmark(Description = "tokenise (scalar paths only), per article", OperationsPerInvoke = Articles)]
    public int TokeniseScalar() => TokeniseAll(vectorised: false);

    private int TokeniseAll(bool vectorised)
    {
        int total = 0;
        foreach (var text in _texts)
        {
            Tokenizer.Tokenize(text, TokenizerOptions.Default, _tokens, vectorised);
            total += _tokens.Count;
        }
        return total;
    }

    [Benchmark(Description = "text to signature (tokenise+shingle+minhash), per article", OperationsPerInvoke = Articles)]
    public uint TextToSignature()
    {
        uint total = 0;
        foreach (var text in _texts)
        {
            Tokenizer.Tokenize(text, TokenizerOptions.Default, _tokens);
            int n = Shingles.Compute(_tokens.Span, 5, _shingles);
            _hasher.Compute(_shingles.AsSpan(0, n), _signature);
            total += _signature[0];
        }
        return total;
    }

    [Benchmark(Description = "full document sketch (+winnow, LSH keys), per article", OperationsPerInvoke = Articles)]
    public int FullSketch()
    {
        int total = 0;
        foreach (var text in _texts)
        {
            total += _sketcher.Sketch(0, "x", text).Fingerprints.Length;
            _sketcher.Flush();
        }
        return total;
    }
}
