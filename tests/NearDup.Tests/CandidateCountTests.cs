using NearDup.Candidates;
using NearDup.Sketching;

namespace NearDup.Tests;

/// <summary>A pair is a candidate when it shares at least MinSharedFingerprints fingerprints, however they fall into the
/// generator's hash-range partitions (each partition packs a capped count into one key per pair).</summary>
public class CandidateCountTests
{
    // A fingerprint in partition p (the top 4 bits), distinct by n.
    private static uint Fp(int partition, int n) => ((uint)partition << 28) | (uint)(n + 1);

    private static SketchedDocument Doc(int ordinal, params uint[] fingerprints) =>
        new(ordinal, $"d{ordinal}", 100, 0, 0, [.. fingerprints.Order()], 0, fingerprints.Length, 0, 0);

    private static HashSet<(int, int)> Candidates(int minShared, params SketchedDocument[] docs)
    {
        using var store = new InMemoryShingleStore();
        var set = CandidateGenerator.Generate(docs, store, new NearDupOptions { MinSharedFingerprints = minShared });
        return set.Pairs.Select(k => ((int)(k >> 32), (int)(uint)k)).ToHashSet();
    }

    private static readonly SketchedDocument[] Docs =
    [
        Doc(0, Fp(1, 0), Fp(2, 0)), Doc(1, Fp(1, 0), Fp(2, 0), Fp(9, 9)),             // 2 shared, in two partitions
        Doc(2, Fp(3, 0)), Doc(3, Fp(3, 0)),                                           // 1 shared
        Doc(4, Fp(5, 0), Fp(5, 1)), Doc(5, Fp(5, 0), Fp(5, 1)),                       // 2 shared, one partition
        Doc(6, Fp(6, 0), Fp(6, 1), Fp(7, 0)), Doc(7, Fp(6, 0), Fp(6, 1), Fp(7, 0)),   // 3 shared
        Doc(8, Fp(8, 0), Fp(8, 1), Fp(8, 2), Fp(10, 0)), Doc(9, Fp(8, 0), Fp(8, 1), Fp(8, 2), Fp(10, 0)), // 4 shared
    ];

    [Theory]
    [InlineData(1, new[] { 0, 2, 4, 6, 8 })]
    [InlineData(2, new[] { 0, 4, 6, 8 })]
    [InlineData(3, new[] { 6, 8 })]
    [InlineData(4, new[] { 8 })]   // more than the packed count holds: every key kept with count 1
    [InlineData(5, new int[0])]
    public void Pairs_need_the_minimum_of_shared_fingerprints_across_partitions(int minShared, int[] firstOfPairs)
    {
        var expected = firstOfPairs.Select(a => (a, a + 1)).ToHashSet();
        Assert.Equal(expected, Candidates(minShared, Docs));
    }
}
