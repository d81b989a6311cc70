using NearDup.Sketches;
using NearDup.Text;

namespace NearDup.Sketching;

/// <summary>Turns one text into its sketches. Not thread-safe: one instance per worker, reusing its buffers.</summary>
public sealed class DocumentSketcher
{
    private readonly NearDupOptions _options;
    private readonly MinHasher _minHasher;
    private readonly TokenList _tokens = new(4096);
    private readonly List<Fingerprint> _fingerprints = new(1024);
    private ulong[] _shingles = new ulong[4096];
    private ulong[] _distinct = new ulong[4096];

    /// <summary>Creates a sketcher for <paramref name="options"/>, sharing <paramref name="minHasher"/> (which is immutable).</summary>
    public DocumentSketcher(NearDupOptions options, MinHasher minHasher)
    {
        _options = options;
        _minHasher = minHasher;
    }

    /// <summary>Sketches <paramref name="text"/>.</summary>
    public SketchedDocument Sketch(int ordinal, string id, ReadOnlySpan<char> text)
    {
        Tokenizer.Tokenize(text, _options.Tokenizer, _tokens);
        int count = Shingles.Count(_tokens.Count, _options.ShingleSize);
        if (_shingles.Length < count)
        {
            _shingles = new ulong[Math.Max(count, _shingles.Length * 2)];
            _distinct = new ulong[_shingles.Length];
        }
        var shingles = _shingles.AsSpan(0, count);
        Shingles.Compute(_tokens.Span, _options.ShingleSize, shingles);

        var folded = new uint[count];
        for (int i = 0; i < count; i++) folded[i] = MinHasher.Fold(shingles[i]);

        _fingerprints.Clear();
        Winnowing.Select(shingles, _options.WinnowWindow, _fingerprints);

        // MinHash is over the set, so repeated shingles are dropped first (they would not change the minima,
        // but skipping them halves the work on repetitive text).
        var distinct = _distinct.AsSpan(0, count);
        shingles.CopyTo(distinct);
        distinct.Sort();
        int unique = 0;
        for (int i = 0; i < distinct.Length; i++)
            if (i == 0 || distinct[i] != distinct[i - 1]) distinct[unique++] = distinct[i];
        var signature = new uint[_minHasher.Permutations];
        _minHasher.Compute(distinct[..unique], signature);

        return new SketchedDocument(ordinal, id, _tokens.Count, folded, unique, _fingerprints.ToArray(), signature);
    }
}
