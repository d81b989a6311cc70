using NearDup.Index;
using NearDup.Sketches;
using NearDup.Text;

namespace NearDup.Sketching;

/// <summary>Turns one text into its sketches. Not thread-safe: one instance per worker, reusing its buffers.</summary>
public sealed class DocumentSketcher
{
    /// <summary>MinHash values kept per document for the furniture test (standard error about 0.07 at resemblance 0.2).</summary>
    public const int SampleSignatureLength = 32;

    private readonly NearDupOptions _options;
    private readonly MinHasher _minHasher;
    private readonly LshParameters _lsh;
    private readonly IShingleStore _store;
    private readonly TokenList _tokens = new(4096);
    private int[] _fingerprintPositions = new int[4096];
    private readonly uint[] _signature;
    private readonly ulong[] _bandKeys;
    private ulong[] _shingles = new ulong[4096];
    private uint[] _selected = new uint[1024];
    private uint[] _sortScratch = new uint[1024];
    private uint[] _pending = new uint[1 << 16];
    private int _pendingCount;
    private readonly List<SketchedDocument> _pendingDocuments = [];
    private const int SketchChunkLength = 16_000; // 64,000 bytes: under the large-object threshold
    private uint[] _sketchChunk = [];
    private int _sketchChunkUsed;

    /// <summary>Creates a sketcher writing shingles to <paramref name="store"/>; <paramref name="minHasher"/> is shared (immutable).</summary>
    public DocumentSketcher(NearDupOptions options, MinHasher minHasher, LshParameters lsh, IShingleStore store)
    {
        _options = options;
        _minHasher = minHasher;
        _lsh = lsh;
        _store = store;
        _signature = new uint[minHasher.Permutations];
        _bandKeys = new ulong[lsh.Bands];
    }

    /// <summary>Sketches <paramref name="text"/>.</summary>
    public SketchedDocument Sketch(int ordinal, string id, ReadOnlySpan<char> text)
    {
        Tokenizer.Tokenize(text, _options.Tokenizer, _tokens);
        int count = Shingles.Count(_tokens.Count, _options.ShingleSize);
        if (_shingles.Length < count) _shingles = new ulong[Math.Max(count, _shingles.Length * 2)];
        var shingles = _shingles.AsSpan(0, count);
        Shingles.Compute(_tokens.Span, _options.ShingleSize, shingles);
        // Folded shingles wait in a local buffer and go to the store once per batch (one write, one lock) in Flush.
        if (_pending.Length - _pendingCount < count) Array.Resize(ref _pending, Math.Max(_pending.Length * 2, _pendingCount + count));
        var folded = _pending.AsSpan(_pendingCount, count);
        for (int i = 0; i < count; i++) folded[i] = MinHasher.Fold(shingles[i]);
        long offset = _pendingCount;
        _pendingCount += count;

        if (_fingerprintPositions.Length < count) _fingerprintPositions = new int[_shingles.Length];
        int fingerprintCount = Winnowing.SelectPositions(shingles, _options.WinnowWindow, _fingerprintPositions);
        if (_selected.Length < fingerprintCount)
        {
            _selected = new uint[fingerprintCount * 2];
            _sortScratch = new uint[fingerprintCount * 2];
        }
        var selected = _selected.AsSpan(0, fingerprintCount);
        for (int i = 0; i < selected.Length; i++) selected[i] = folded[_fingerprintPositions[i]];
        RadixSort.SortShort(selected, _sortScratch);
        int unique = 0;
        for (int i = 0; i < selected.Length; i++)
            if (i == 0 || selected[i] != selected[i - 1]) selected[unique++] = selected[i];

        // MinHash over all positions equals MinHash over the set: a repeated shingle cannot change a minimum.
        _minHasher.Compute(shingles, _signature);
        int sampleLength = Math.Min(SampleSignatureLength, _signature.Length);
        int keptLength = unique + _lsh.Bands + sampleLength;
        var (chunk, start) = TakeSketchSpace(keptLength);
        var kept = chunk.AsSpan(start, keptLength);
        selected[..unique].CopyTo(kept);
        var bandKeys = kept.Slice(unique, _lsh.Bands);
        if (count > 0)
        {
            BandKeys.Compute(_signature, _lsh, _bandKeys);
            for (int b = 0; b < bandKeys.Length; b++) bandKeys[b] = MinHasher.Fold(_bandKeys[b]);
        }
        else bandKeys.Clear(); // an empty document's keys match no band: they are skipped, see CandidateGenerator
        _signature.AsSpan(0, sampleLength).CopyTo(kept[(unique + _lsh.Bands)..]);
        var document = new SketchedDocument(ordinal, id, _tokens.Count, count, offset, chunk, start, unique, _lsh.Bands, sampleLength);
        _pendingDocuments.Add(document);
        return document;
    }

    /// <summary>Space for one document's sketches in the current chunk, starting a new chunk when it is full. Chunks
    /// stay below the large-object threshold (85,000 bytes), so they are allocated and promoted like any small object
    /// and never count towards the large-object budget that triggers full collections.</summary>
    private (uint[] Chunk, int Start) TakeSketchSpace(int length)
    {
        if (_sketchChunk.Length - _sketchChunkUsed < length)
        {
            _sketchChunk = new uint[Math.Max(SketchChunkLength, length)];
            _sketchChunkUsed = 0;
        }
        int start = _sketchChunkUsed;
        _sketchChunkUsed += length;
        return (_sketchChunk, start);
    }

    /// <summary>Writes the shingles of the documents sketched since the last flush to the store and sets their
    /// offsets. Their <see cref="SketchedDocument.ShingleOffset"/> is valid only after this.</summary>
    public void Flush()
    {
        long start = _store.Append(_pending.AsSpan(0, _pendingCount));
        foreach (var document in _pendingDocuments) document.ShingleOffset += start;
        _pendingDocuments.Clear();
        _pendingCount = 0;
    }
}
