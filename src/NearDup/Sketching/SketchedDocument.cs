namespace NearDup.Sketching;

/// <summary>
/// What the pipeline keeps of a document in memory after reading it (about 600 bytes for a news article):
/// not its text, only its sketches. Its per-position shingle hashes, which exact verification runs on, sit in
/// an <see cref="IShingleStore"/> at <see cref="ShingleOffset"/>.
/// </summary>
/// <remarks>
/// Shingle hashes are kept as 32-bit folds of the 64-bit hashes: two different shingles of one pair collide
/// with odds of about n²/2³², under 10⁻⁴ for news-length documents, which moves a score by one shingle.
/// </remarks>
public sealed class SketchedDocument
{
    // The three sketches lie end to end in a slice of a chunk shared with other documents of the same sketcher
    // (fingerprints, then band keys, then the sample signature), not in three arrays of their own: a million
    // documents are then a million small objects instead of four million, which the garbage collector marks and
    // promotes far faster, and 70 bytes of array headers per document are saved.
    private readonly uint[] _sketches;
    private readonly int _start;
    private readonly int _fingerprintCount;
    private readonly short _bandCount;
    private readonly short _sampleLength;

    internal SketchedDocument(int ordinal, string id, int tokenCount, int shingleCount, long shingleOffset,
        uint[] sketches, int start, int fingerprintCount, int bandCount, int sampleLength)
    {
        Ordinal = ordinal;
        Id = id;
        TokenCount = tokenCount;
        ShingleCount = shingleCount;
        ShingleOffset = shingleOffset;
        _sketches = sketches;
        _start = start;
        _fingerprintCount = fingerprintCount;
        _bandCount = checked((short)bandCount);
        _sampleLength = checked((short)sampleLength);
    }

    /// <summary>Position in read order.</summary>
    public int Ordinal { get; }
    /// <summary>The document id.</summary>
    public string Id { get; }
    /// <summary>Tokens in the document.</summary>
    public int TokenCount { get; }
    /// <summary>Shingles in the document (positions; repeated shingles count each time).</summary>
    public int ShingleCount { get; }
    /// <summary>Where the shingles are in the store.</summary>
    public long ShingleOffset { get; internal set; }
    /// <summary>Winnowed fingerprints: folded hashes, distinct, ascending.</summary>
    public ReadOnlySpan<uint> Fingerprints => new(_sketches, _start, _fingerprintCount);
    /// <summary>One folded key per LSH band of the MinHash signature.</summary>
    public ReadOnlySpan<uint> BandKeys => new(_sketches, _start + _fingerprintCount, _bandCount);
    /// <summary>The first MinHash values, kept to estimate how alike two documents are when judging furniture.</summary>
    public ReadOnlySpan<uint> SampleSignature => new(_sketches, _start + _fingerprintCount + _bandCount, _sampleLength);
}
