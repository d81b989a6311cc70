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
    internal SketchedDocument(int ordinal, string id, int tokenCount, int shingleCount, long shingleOffset,
        uint[] fingerprints, uint[] bandKeys, uint[] sampleSignature)
    {
        Ordinal = ordinal;
        Id = id;
        TokenCount = tokenCount;
        ShingleCount = shingleCount;
        ShingleOffset = shingleOffset;
        Fingerprints = fingerprints;
        BandKeys = bandKeys;
        SampleSignature = sampleSignature;
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
    public uint[] Fingerprints { get; }
    /// <summary>One folded key per LSH band of the MinHash signature.</summary>
    public uint[] BandKeys { get; }
    /// <summary>The first MinHash values, kept to estimate how alike two documents are when judging furniture.</summary>
    public uint[] SampleSignature { get; }
}
