using NearDup.Candidates;
using NearDup.Sketching;

namespace NearDup.Verification;

/// <summary>Exact scores of a pair on its content shingles (page furniture removed).</summary>
/// <param name="Resemblance">Jaccard of the two content sets.</param>
/// <param name="ContainmentAInB">Share of A's content found in B.</param>
/// <param name="ContainmentBInA">Share of B's content found in A.</param>
/// <param name="SharedShingles">Content shingles in both.</param>
/// <param name="SharedWords">Words inside reused passages, on the side with fewer.</param>
public readonly record struct PairScores(double Resemblance, double ContainmentAInB, double ContainmentBInA, int SharedShingles, int SharedWords);

/// <summary>
/// Scores a candidate pair exactly on its content shingles (never on a sketch estimate): resemblance,
/// containment each way, and the words inside reused passages (runs of shared shingles covering at least
/// <see cref="NearDupOptions.MinPassageTokens"/> tokens), then names the relation or rejects the pair.
/// Not thread-safe: one per worker. Consecutive pairs that share their first document load it once.
/// </summary>
public sealed class PairVerifier
{
    private readonly NearDupOptions _options;
    private readonly IShingleStore _store;
    private readonly FurnitureModel _furniture;
    private readonly LoadedDocument _a = new();
    private readonly LoadedDocument _b = new();
    private int _pairNumber;
    private FurnitureModel? _lastFurniture;

    /// <summary>Creates a verifier reading shingles from <paramref name="store"/>.</summary>
    public PairVerifier(NearDupOptions options, IShingleStore store, FurnitureModel furniture)
    {
        _options = options;
        _store = store;
        _furniture = furniture;
    }

    /// <summary>Returns the verified relation of <paramref name="a"/> and <paramref name="b"/> (a read first), or null when they are not related.</summary>
    public RelatedPair? Verify(SketchedDocument a, SketchedDocument b) => Verify(a, _store, b, _store, _furniture);

    /// <summary>Verifies a pair whose documents live in different stores (a query against an index), judging furniture by <paramref name="furniture"/>.</summary>
    internal RelatedPair? Verify(SketchedDocument a, IShingleStore storeA, SketchedDocument b, IShingleStore storeB, FurnitureModel furniture)
    {
        var s = Measure(a, storeA, b, storeB, furniture);
        if (s.SharedShingles == 0) return null;
        Relation relation;
        if (s.Resemblance >= _options.DuplicateResemblance) relation = Relation.Duplicate;
        else if (Math.Max(s.ContainmentAInB, s.ContainmentBInA) >= _options.ContainmentThreshold)
            relation = s.ContainmentBInA >= s.ContainmentAInB ? Relation.Contains : Relation.Contained;
        else if (s.SharedWords >= _options.MinSharedWords
                 || (s.SharedWords >= _options.MinPassageTokens && Math.Max(s.ContainmentAInB, s.ContainmentBInA) >= _options.MinPartialContainment))
            relation = Relation.Partial;
        else return null;
        return new RelatedPair(a.Ordinal, b.Ordinal, relation, s.Resemblance, s.ContainmentAInB, s.ContainmentBInA, s.SharedShingles, s.SharedWords);
    }

    /// <summary>Scores <paramref name="a"/> and <paramref name="b"/> whatever their relation.</summary>
    public PairScores Measure(SketchedDocument a, SketchedDocument b) => Measure(a, _store, b, _store, _furniture);

    private PairScores Measure(SketchedDocument a, IShingleStore storeA, SketchedDocument b, IShingleStore storeB, FurnitureModel furniture)
    {
        if (!ReferenceEquals(furniture, _lastFurniture))
        {
            _a.Forget(); // cached loads were masked with another furniture model
            _b.Forget();
            _lastFurniture = furniture;
        }
        _a.Load(a, storeA, furniture);
        _b.Load(b, storeB, furniture);
        if (_a.Index.Distinct == 0 || _b.Index.Distinct == 0) return default;
        int shared = MarkShared(_a, _b, ++_pairNumber);
        if (shared == 0) return default;
        int distinctA = _a.Index.Distinct, distinctB = _b.Index.Distinct;
        double resemblance = (double)shared / (distinctA + distinctB - shared);
        int sharedWords = Math.Min(PassageWords(_a), PassageWords(_b));
        return new PairScores(resemblance, (double)shared / distinctA, (double)shared / distinctB, shared, sharedWords);
    }

    /// <summary>Probes every content shingle of B in A's index: counts the distinct shared shingles and marks every
    /// position of either document whose shingle the other has.</summary>
    private static int MarkShared(LoadedDocument a, LoadedDocument b, int pairNumber)
    {
        var coveredA = a.Covered;
        var coveredB = b.Covered;
        coveredA.Clear();
        coveredB.Clear();
        var positionsB = b.Positions;
        var furnitureB = b.Furniture;
        int shared = 0;
        for (int i = 0; i < positionsB.Length; i++)
        {
            if (furnitureB[i]) continue;
            int slot = a.Index.Find(positionsB[i]);
            if (slot < 0) continue;
            coveredB[i] = true;
            if (a.Index.Visit(slot, pairNumber))
            {
                shared++;
                a.Index.MarkPositions(slot, coveredA);
            }
        }
        return shared;
    }

    /// <summary>
    /// Words of <paramref name="document"/> inside runs of shared shingles that cover at least the minimum passage
    /// length. A passage the document repeats (a lede restated in the body, a pull quote) counts once: its second
    /// run adds only the shingles the first did not have, so "shared words" measures shared text, not repetition.
    /// </summary>
    private int PassageWords(LoadedDocument document)
    {
        int k = _options.ShingleSize;
        var covered = document.Covered;
        var positions = document.Positions;
        document.Index.BeginCountPass();
        int words = 0;
        int countedUntil = 0; // runs one shingle apart overlap in tokens: count each token once
        int runStart = -1;
        for (int i = 0; i <= covered.Length; i++)
        {
            if (i < covered.Length && covered[i])
            {
                if (runStart < 0) runStart = i;
                continue;
            }
            if (runStart >= 0)
            {
                int end = Math.Min(document.TokenCount, i - 1 + k);
                if (end - runStart >= _options.MinPassageTokens || end - runStart == document.TokenCount)
                {
                    int fresh = 0;
                    for (int p = runStart; p < i; p++)
                        if (document.Index.CountOnce(positions[p])) fresh++;
                    if (fresh > 0)
                    {
                        words += Math.Min(end - Math.Max(runStart, countedUntil), fresh + k - 1);
                        countedUntil = end;
                    }
                }
                runStart = -1;
            }
        }
        return words;
    }

    /// <summary>The size of the intersection of two sorted distinct spans (a linear merge).</summary>
    public static int IntersectionCount(ReadOnlySpan<uint> a, ReadOnlySpan<uint> b)
    {
        int i = 0, j = 0, count = 0;
        while (i < a.Length && j < b.Length)
        {
            uint x = a[i], y = b[j];
            if (x == y) { count++; i++; j++; }
            else if (x < y) i++;
            else j++;
        }
        return count;
    }
}
