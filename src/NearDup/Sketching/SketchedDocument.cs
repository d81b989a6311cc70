using NearDup.Sketches;

namespace NearDup.Sketching;

/// <summary>
/// What the pipeline keeps of a document after reading it: not its text, only its sketches.
/// <see cref="Shingles"/> holds the 32-bit folded hash of every shingle in text order, which is what exact
/// verification runs on (a collision between two different shingles of one pair has odds of about n²/2³²,
/// under 10⁻⁴ for news-length documents).
/// </summary>
public sealed class SketchedDocument
{
    internal SketchedDocument(int ordinal, string id, int tokenCount, uint[] shingles, int distinctShingles, Fingerprint[] fingerprints, uint[] signature)
    {
        DistinctShingles = distinctShingles;
        Ordinal = ordinal;
        Id = id;
        TokenCount = tokenCount;
        Shingles = shingles;
        Fingerprints = fingerprints;
        Signature = signature;
    }

    /// <summary>Position in read order.</summary>
    public int Ordinal { get; }
    /// <summary>The document id.</summary>
    public string Id { get; }
    /// <summary>Tokens in the document.</summary>
    public int TokenCount { get; }
    /// <summary>Folded shingle hashes, one per position.</summary>
    public uint[] Shingles { get; }
    /// <summary>Distinct shingles (the size of the set the signature summarises).</summary>
    public int DistinctShingles { get; }
    /// <summary>Winnowed fingerprints (64-bit hashes and positions).</summary>
    public Fingerprint[] Fingerprints { get; }
    /// <summary>MinHash signature of the distinct shingles.</summary>
    public uint[] Signature { get; }

    /// <summary>Sorted distinct content shingles (furniture removed); set by the furniture stage.</summary>
    internal uint[] ContentSet { get; set; } = [];
    /// <summary>Per position: true when the shingle there is page furniture; null when the document has none.</summary>
    internal bool[]? FurnitureMask { get; set; }
}
