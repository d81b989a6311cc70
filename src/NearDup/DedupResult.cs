using NearDup.Candidates;
using NearDup.Sketching;
using NearDup.Verification;

namespace NearDup;

/// <summary>The outcome of a de-duplication run. Dispose it to release the shingle store (a temporary file in large runs).</summary>
public sealed class DedupResult : IDisposable
{
    private readonly bool[] _kept;
    private readonly SketchedCorpus _corpus;
    private readonly NearDupOptions _options;

    internal DedupResult(SketchedCorpus corpus, NearDupOptions options, FurnitureModel furniture, IReadOnlyList<RelatedPair> pairs,
        IReadOnlyList<DuplicateCluster> clusters, long candidatePairs, long fingerprintCandidates, long lshCandidates)
    {
        _corpus = corpus;
        _options = options;
        Furniture = furniture;
        var documents = corpus.Documents;
        Documents = documents;
        Pairs = pairs;
        Clusters = clusters;
        FurnitureFingerprints = furniture.Count;
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
    /// <summary>The page furniture learned from the corpus.</summary>
    public FurnitureModel Furniture { get; }

    /// <summary>A verifier over this run's documents, to score any pair exactly (one per thread).</summary>
    public PairVerifier CreateVerifier() => new(_options, _corpus.Store, Furniture);

    /// <summary>Releases the shingle store.</summary>
    public void Dispose() => _corpus.Dispose();

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

    /// <summary>Wall-clock seconds per pipeline stage, in stage order ("read_sketch" only when the run read the
    /// documents itself): where a run spends its time, for the summary and for benchmarks.</summary>
    public IReadOnlyList<KeyValuePair<string, double>> StageSeconds { get; internal set; } = [];

    /// <summary>Process CPU seconds (user and kernel, every thread) per stage, keyed as <see cref="StageSeconds"/>:
    /// divided by a stage's wall-clock seconds, the cores it kept busy.</summary>
    public IReadOnlyList<KeyValuePair<string, double>> StageCpuSeconds { get; internal set; } = [];

    /// <summary>Pairs per relation.</summary>
    public int CountRelation(Relation relation) => Pairs.Count(p => p.Relation == relation);
}
