using NearDup.Sketching;

namespace NearDup;

/// <summary>The outcome of a de-duplication run.</summary>
public sealed class DedupResult
{
    private readonly bool[] _kept;

    internal DedupResult(IReadOnlyList<SketchedDocument> documents, IReadOnlyList<RelatedPair> pairs, IReadOnlyList<DuplicateCluster> clusters,
        int furnitureFingerprints, long candidatePairs, long fingerprintCandidates, long lshCandidates)
    {
        Documents = documents;
        Pairs = pairs;
        Clusters = clusters;
        FurnitureFingerprints = furnitureFingerprints;
        CandidatePairs = candidatePairs;
        FingerprintCandidates = fingerprintCandidates;
        LshCandidates = lshCandidates;
        _kept = new bool[documents.Count];
        Array.Fill(_kept, true);
        foreach (var cluster in clusters)
            foreach (int member in cluster.Members)
                if (member != cluster.Representative) _kept[member] = false;
    }

    /// <summary>The sketched documents, indexed by ordinal.</summary>
    public IReadOnlyList<SketchedDocument> Documents { get; }
    /// <summary>Verified related pairs, ordered by (A, B).</summary>
    public IReadOnlyList<RelatedPair> Pairs { get; }
    /// <summary>Clusters of copies (duplicate and containment relations), ordered by smallest member.</summary>
    public IReadOnlyList<DuplicateCluster> Clusters { get; }
    /// <summary>Fingerprints judged to be page furniture.</summary>
    public int FurnitureFingerprints { get; }
    /// <summary>Distinct candidate pairs that were verified.</summary>
    public long CandidatePairs { get; }
    /// <summary>Candidate pairs contributed by passage fingerprints.</summary>
    public long FingerprintCandidates { get; }
    /// <summary>Candidate pairs contributed by LSH bands.</summary>
    public long LshCandidates { get; }

    /// <summary>Whether the document stays in the de-duplicated copy (it is no cluster's non-representative member).</summary>
    public bool IsKept(long ordinal) => _kept[ordinal];

    /// <summary>The number of documents the de-duplicated copy keeps.</summary>
    public int KeptCount => _kept.Count(k => k);

    /// <summary>Pairs per relation.</summary>
    public int CountRelation(Relation relation) => Pairs.Count(p => p.Relation == relation);
}
