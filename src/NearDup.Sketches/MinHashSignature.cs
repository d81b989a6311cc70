namespace NearDup.Sketches;

/// <summary>A MinHash signature with the seed it was made with. Signatures compare only with signatures of the same seed and length.</summary>
public sealed class MinHashSignature
{
    /// <summary>Wraps <paramref name="values"/> (not copied).</summary>
    public MinHashSignature(uint[] values, ulong seed)
    {
        Values = values;
        Seed = seed;
    }

    /// <summary>The per-permutation minima.</summary>
    public uint[] Values { get; }

    /// <summary>The seed of the <see cref="MinHasher"/> that made it.</summary>
    public ulong Seed { get; }

    /// <summary>Estimates the Jaccard resemblance of the two sets: the share of permutations whose minima agree.
    /// An estimate only: NearDup verifies candidates on their shingles.</summary>
    /// <exception cref="ArgumentException">The signatures were made with different seeds or lengths.</exception>
    public double EstimateJaccard(MinHashSignature other)
    {
        if (other.Seed != Seed || other.Values.Length != Values.Length)
            throw new ArgumentException("MinHash signatures made with different seeds or permutation counts cannot be compared.", nameof(other));
        return EstimateJaccard(Values, other.Values);
    }

    /// <summary>The share of equal positions in two equally long signatures.</summary>
    public static double EstimateJaccard(ReadOnlySpan<uint> a, ReadOnlySpan<uint> b)
    {
        if (a.Length != b.Length) throw new ArgumentException("Signatures differ in length.", nameof(b));
        int equal = 0;
        for (int i = 0; i < a.Length; i++) if (a[i] == b[i]) equal++;
        return a.Length == 0 ? 0 : (double)equal / a.Length;
    }
}
