using NearDup.Sketching;

namespace NearDup.Verification;

/// <summary>
/// Scores a candidate pair exactly on its content shingles (never on a sketch estimate): resemblance,
/// containment each way, and the words inside reused passages (runs of shared shingles covering at least
/// <see cref="NearDupOptions.MinPassageTokens"/> tokens), then names the relation or rejects the pair.
/// </summary>
public sealed class PairVerifier
{
    private readonly NearDupOptions _options;

    /// <summary>Creates a verifier for <paramref name="options"/>.</summary>
    public PairVerifier(NearDupOptions options) => _options = options;

    /// <summary>Returns the verified relation of <paramref name="a"/> and <paramref name="b"/> (a read first), or null when they are not related.</summary>
    public RelatedPair? Verify(SketchedDocument a, SketchedDocument b)
    {
        var setA = a.ContentSet;
        var setB = b.ContentSet;
        if (setA.Length == 0 || setB.Length == 0) return null;
        int shared = IntersectionCount(setA, setB);
        if (shared == 0) return null;
        double resemblance = (double)shared / (setA.Length + setB.Length - shared);
        double aInB = (double)shared / setA.Length;
        double bInA = (double)shared / setB.Length;
        int sharedWords = Math.Min(PassageWords(a, setB), PassageWords(b, setA));

        Relation relation;
        if (resemblance >= _options.DuplicateResemblance) relation = Relation.Duplicate;
        else if (Math.Max(aInB, bInA) >= _options.ContainmentThreshold) relation = bInA >= aInB ? Relation.Contains : Relation.Contained;
        else if (sharedWords >= _options.MinSharedWords) relation = Relation.Partial;
        else return null;
        return new RelatedPair(a.Ordinal, b.Ordinal, relation, resemblance, aInB, bInA, shared, sharedWords);
    }

    /// <summary>Words of <paramref name="document"/> inside runs of shingles found in <paramref name="otherSet"/>
    /// that cover at least the minimum passage length.</summary>
    private int PassageWords(SketchedDocument document, uint[] otherSet)
    {
        int k = _options.ShingleSize;
        var shingles = document.Shingles;
        var mask = document.FurnitureMask;
        int words = 0;
        int countedUntil = 0; // runs one shingle apart overlap in tokens: count each token once
        int runStart = -1;
        for (int i = 0; i <= shingles.Length; i++)
        {
            bool covered = i < shingles.Length && (mask is null || !mask[i]) && Array.BinarySearch(otherSet, shingles[i]) >= 0;
            if (covered)
            {
                if (runStart < 0) runStart = i;
                continue;
            }
            if (runStart >= 0)
            {
                int end = Math.Min(document.TokenCount, i - 1 + k);
                if (end - runStart >= _options.MinPassageTokens || end - runStart == document.TokenCount)
                {
                    words += end - Math.Max(runStart, countedUntil);
                    countedUntil = end;
                }
                runStart = -1;
            }
        }
        return words;
    }

    /// <summary>The size of the intersection of two sorted distinct arrays (a linear merge).</summary>
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
