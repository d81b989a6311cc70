using NearDup.Index;
using NearDup.Sketches;
using NearDup.Text;

namespace NearDup.Tests;

public class SketchTests
{
    private static ulong[] RandomSet(Random random, int count) => Enumerable.Range(0, count).Select(_ => (ulong)random.NextInt64()).ToArray();

    [Fact]
    public void Rolling_shingles_equal_shingles_computed_one_by_one()
    {
        var list = new TokenList();
        Tokenizer.Tokenize("one two three four five six seven eight nine ten eleven", TokenizerOptions.Default, list);
        var rolling = new ulong[Shingles.Count(list.Count, 5)];
        Shingles.Compute(list.Span, 5, rolling);
        for (int i = 0; i < rolling.Length; i++)
        {
            var single = new ulong[1];
            Shingles.Compute(list.Span.Slice(i, 5), 5, single);
            Assert.Equal(single[0], rolling[i]);
        }
        Assert.Equal(7, rolling.Length);
    }

    [Fact]
    public void Vector_and_scalar_minhash_agree_bit_for_bit()
    {
        var hasher = new MinHasher(128, seed: 42);
        var set = RandomSet(new Random(1), 500);
        var vector = new uint[128];
        hasher.Compute(set, vector);
        var scalar = new uint[128];
        Array.Fill(scalar, uint.MaxValue);
        hasher.ComputeScalar(set, scalar);
        Assert.Equal(scalar, vector);
    }

    [Theory]
    [InlineData(0.2)]
    [InlineData(0.5)]
    [InlineData(0.8)]
    public void Minhash_estimates_jaccard_without_bias(double jaccard)
    {
        // Two sets of 1,000 with a known overlap; the mean estimate over 40 seeds must sit within 3 standard errors.
        var random = new Random(7);
        int shared = (int)Math.Round(2000 * jaccard / (1 + jaccard));
        var common = RandomSet(random, shared);
        var a = common.Concat(RandomSet(random, 1000 - shared)).ToArray();
        var b = common.Concat(RandomSet(random, 1000 - shared)).ToArray();
        double exact = (double)shared / (2000 - shared);
        var estimates = Enumerable.Range(1, 40).Select(seed =>
        {
            var hasher = new MinHasher(128, (ulong)seed);
            return hasher.Compute(a).EstimateJaccard(hasher.Compute(b));
        }).ToArray();
        double standardError = Math.Sqrt(exact * (1 - exact) / 128 / estimates.Length);
        Assert.InRange(estimates.Average(), exact - 3 * standardError, exact + 3 * standardError);
    }

    [Fact]
    public void Signatures_of_different_seeds_refuse_to_compare()
    {
        var set = RandomSet(new Random(3), 50);
        var a = new MinHasher(128, 1).Compute(set);
        var b = new MinHasher(128, 2).Compute(set);
        Assert.Throws<ArgumentException>(() => a.EstimateJaccard(b));
    }

    [Fact]
    public void Winnowing_guarantees_a_shared_fingerprint_for_every_long_enough_shared_run()
    {
        const int window = 8;
        var random = new Random(11);
        for (int trial = 0; trial < 200; trial++)
        {
            var shared = RandomSet(random, window);
            var a = RandomSet(random, random.Next(0, 40)).Concat(shared).Concat(RandomSet(random, random.Next(0, 40))).ToArray();
            var b = RandomSet(random, random.Next(0, 40)).Concat(shared).Concat(RandomSet(random, random.Next(0, 40))).ToArray();
            var fa = new List<Fingerprint>();
            var fb = new List<Fingerprint>();
            Winnowing.Select(a, window, fa);
            Winnowing.Select(b, window, fb);
            Assert.NotEmpty(fa.Select(f => f.Hash).Intersect(fb.Select(f => f.Hash)));
            Assert.True(fa.Count <= a.Length);
        }
    }

    [Fact]
    public void Winnowing_keeps_about_two_in_w_plus_one()
    {
        var set = RandomSet(new Random(5), 100_000);
        var fps = new List<Fingerprint>();
        Winnowing.Select(set, 8, fps);
        Assert.InRange(fps.Count / 100_000.0, 2.0 / 9 * 0.95, 2.0 / 9 * 1.05);
    }

    [Fact]
    public void Lsh_parameters_put_the_s_curve_at_the_threshold()
    {
        foreach (double threshold in new[] { 0.3, 0.5, 0.8 })
        {
            var p = LshParameters.Optimal(threshold, 128);
            Assert.True(p.Permutations <= 128);
            Assert.True(p.CandidateProbability(threshold + 0.2) > 0.95, $"{p} misses too much above {threshold}");
            Assert.True(p.CandidateProbability(threshold - 0.25) < 0.5, $"{p} lets too much in below {threshold}");
        }
    }
}

public class RadixSortTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(1000)]
    [InlineData(100_000)]
    public void Sorts_keys_with_payloads_like_a_stable_sort(int count)
    {
        var random = new Random(count);
        // Few distinct keys, so stability (equal keys keep payload order) is exercised.
        var keys = Enumerable.Range(0, count).Select(_ => (uint)random.Next(0, 5000) * 2654435761u).ToArray();
        var items = Enumerable.Range(0, count).ToArray();
        var expected = keys.Select((k, i) => (k, i)).OrderBy(p => p.k).ThenBy(p => p.i).ToArray();
        RadixSort.Sort(keys, items, count);
        Assert.Equal(expected.Select(p => p.k), keys);
        Assert.Equal(expected.Select(p => p.i), items);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(5)]
    [InlineData(31)]
    [InlineData(32)]
    [InlineData(71)]
    [InlineData(1000)]
    public void Sorts_a_short_span_like_a_comparison_sort(int count)
    {
        var random = new Random(count);
        for (int trial = 0; trial < 200; trial++)
        {
            // Half the trials with keys that share their top bytes, so skipped digits are exercised.
            uint mask = trial % 2 == 0 ? uint.MaxValue : 0xFFFF;
            var keys = Enumerable.Range(0, count).Select(_ => (uint)random.NextInt64() & mask).ToArray();
            var expected = keys.Order().ToArray();
            RadixSort.SortShort(keys, new uint[count]);
            Assert.Equal(expected, keys);
        }
    }

    [Fact]
    public void Sorts_pair_keys_whose_top_bytes_agree()
    {
        var random = new Random(3);
        var keys = Enumerable.Range(0, 50_000).Select(_ => ((ulong)random.Next(0, 1_000_000) << 32) | (uint)random.Next()).ToArray();
        var expected = keys.Order().ToArray();
        RadixSort.Sort(keys);
        Assert.Equal(expected, keys);
    }
}
