using System.Collections.Concurrent;
using System.Runtime.InteropServices;
using NearDup.Index;
using NearDup.Sketching;

namespace NearDup.Candidates;

/// <summary>Candidate pairs and the furniture model learned while finding them.</summary>
/// <param name="Pairs">Candidate pairs as <c>(a &lt;&lt; 32) | b</c> with <c>a &lt; b</c>, ascending.</param>
/// <param name="Furniture">The page furniture learned from fingerprint document frequencies.</param>
/// <param name="FromFingerprints">Pairs that shared enough passage fingerprints.</param>
/// <param name="FromLsh">Pairs that shared a whole-document LSH band.</param>
public sealed record CandidateSet(ulong[] Pairs, FurnitureModel Furniture, long FromFingerprints, long FromLsh);

/// <summary>
/// Finds the pairs worth verifying, from two sketches: winnowed passage fingerprints in an inverted index
/// (catches partial reuse whose whole-document resemblance is low) and MinHash LSH bands (whole-document
/// near-duplicates, including heavily edited ones whose passages are broken up). Both indexes are built by
/// sorting (hash, document) entries, which is faster and smaller than hash maps of posting lists; the
/// fingerprint index is built over batches of hash-range partitions sized to a memory budget, one pass over the
/// documents per batch (a single pass for 100,000 documents, eight for 1,000,000).
/// The large transient arrays are rented from pools that live for one generation (<see cref="IndexBuildPools"/>):
/// allocated afresh, each would be a large-object allocation and together they forced a full collection every few of
/// them (6 per 100,000 documents); from the shared pool they would stay for the rest of the run.
/// </summary>
public static class CandidateGenerator
{
    private const int PartitionBits = 4;
    // Entries (fingerprint, document: 8 bytes) one pass over the documents may index at once: 80 MB. Each pass
    // visits every document, so a 100,000-document run (8 million entries) does all 16 partitions in one pass, while
    // 1,000,000 documents take eight passes: a 160 MB budget made that stage 0.5 s faster but peak RSS up to 1.9 GB.
    private const long BatchEntryBudget = 10_000_000;

    /// <summary>Generates the candidates of <paramref name="documents"/> (indexed by ordinal).</summary>
    public static CandidateSet Generate(IReadOnlyList<SketchedDocument> documents, IShingleStore store, NearDupOptions options, CancellationToken cancellationToken = default)
    {
        var pools = new IndexBuildPools(arraysPerSize: Math.Max(2, options.EffectiveThreads));
        var (fingerprintPairs, furniture) = FingerprintPairs(documents, store, options, pools, cancellationToken);
        var lshPairs = LshPairs(documents, options, pools, cancellationToken);
        int count = fingerprintPairs.Length + lshPairs.Length;
        var all = pools.UInt64.Rent(Math.Max(1, count));
        fingerprintPairs.CopyTo(all, 0);
        lshPairs.CopyTo(all, fingerprintPairs.Length);
        var pairs = SortedUnique(all, count, pools);
        pools.UInt64.Return(all);
        return new CandidateSet(pairs, furniture, fingerprintPairs.Length, lshPairs.Length);
    }

    private static (ulong[] Pairs, FurnitureModel Furniture) FingerprintPairs(IReadOnlyList<SketchedDocument> documents, IShingleStore store, NearDupOptions options,
        IndexBuildPools pools, CancellationToken ct)
    {
        const int Partitions = 1 << PartitionBits;
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = options.EffectiveThreads, CancellationToken = ct };

        // Documents are cut into ranges; counting each range's fingerprints per partition lets every range fill its
        // share of a partition's arrays in parallel, in document order (so the fill is stable and deterministic).
        var docs = documents as SketchedDocument[] ?? documents.ToArray();
        int ranges = RangeCount(docs.Length, options);
        var counts = new long[ranges, Partitions];
        Parallel.For(0, ranges, parallel, r =>
        {
            var (from, to) = Range(r, ranges, docs.Length);
            for (int d = from; d < to; d++)
                foreach (uint fp in docs[d].Fingerprints) counts[r, fp >> (32 - PartitionBits)]++;
        });

        var furniture = new ConcurrentBag<(uint Hash, int A, int B)>();
        var pairLists = new PooledList<ulong>[Partitions];
        long totalEntries = 0;
        foreach (long c in counts) totalEntries += c;
        int partitionsPerBatch = (int)Math.Clamp(BatchEntryBudget * Partitions / Math.Max(1, totalEntries), 1, Partitions);
        // Partitions go in batches: one pass over the documents fills a batch, which bounds memory to the batch.
        for (int first = 0; first < Partitions; first += partitionsPerBatch)
        {
            int batch = Math.Min(partitionsPerBatch, Partitions - first);
            var hashes = new uint[batch][];
            var owners = new int[batch][];
            var sizes = new int[batch];
            var starts = new long[ranges, batch];
            for (int p = 0; p < batch; p++)
            {
                long total = 0;
                for (int r = 0; r < ranges; r++) { starts[r, p] = total; total += counts[r, first + p]; }
                sizes[p] = checked((int)total);
                hashes[p] = pools.UInt32.Rent(Math.Max(1, sizes[p]));
                owners[p] = pools.Int32.Rent(Math.Max(1, sizes[p]));
            }
            Parallel.For(0, ranges, parallel, r =>
            {
                var (from, to) = Range(r, ranges, docs.Length);
                Span<long> cursor = stackalloc long[batch];
                for (int p = 0; p < batch; p++) cursor[p] = starts[r, p];
                uint low = (uint)first << (32 - PartitionBits);
                for (int d = from; d < to; d++)
                {
                    // Fingerprints are sorted, so the batch's are one run: find its start instead of scanning all.
                    var fps = docs[d].Fingerprints;
                    int i = fps.BinarySearch(low);
                    if (i < 0) i = ~i;
                    else while (i > 0 && fps[i - 1] == low) i--;
                    for (; i < fps.Length; i++)
                    {
                        int p = (int)(fps[i] >> (32 - PartitionBits)) - first;
                        if (p >= batch) break;
                        long slot = cursor[p]++;
                        hashes[p][slot] = fps[i];
                        owners[p][slot] = d;
                    }
                }
            });
            Parallel.For(0, batch, parallel, p =>
            {
                pairLists[first + p] = GroupPartition(hashes[p], owners[p], sizes[p], documents, store, options, furniture, pools);
                pools.UInt32.Return(hashes[p]);
                pools.Int32.Return(owners[p]);
            });
        }

        // A pair is a candidate when it shares enough distinct fingerprints: the counts the partitions packed into their
        // keys (CollapsePartition) add up.
        var (keys, keyCount) = Concatenate(pairLists, pools);
        RadixSort.Sort(keys, keyCount, pools);
        int kept = 0;
        for (int i = 0; i < keyCount;)
        {
            ulong pair = keys[i] >> CountBits;
            int shared = 0;
            int j = i;
            for (; j < keyCount && keys[j] >> CountBits == pair; j++) shared += (int)(keys[j] & CountMask);
            if (shared >= options.MinSharedFingerprints) keys[kept++] = Unpack(keys[i]);
            i = j;
        }
        var candidates = keys.AsSpan(0, kept).ToArray();
        pools.UInt64.Return(keys);
        return (candidates, FurnitureModel.Learn(furniture, documents, store));
    }

    /// <summary>Sorts one partition's (fingerprint, document) entries and turns each group of documents sharing a
    /// fingerprint into candidate pair keys, or into furniture.</summary>
    private static PooledList<ulong> GroupPartition(uint[] hashes, int[] owners, int n, IReadOnlyList<SketchedDocument> documents, IShingleStore store,
        NearDupOptions options, ConcurrentBag<(uint Hash, int A, int B)> furniture, IndexBuildPools pools)
    {
        RadixSort.Sort(hashes, owners, n, pools);
        var pairs = new PooledList<ulong>(pool: pools.UInt64);
        var runs = new FurnitureModel.CommonRunReader(store);
        for (int start = 0; start < n;)
        {
            int end = start + 1;
            while (end < n && hashes[end] == hashes[start]) end++;
            if (end - start > 1)
            {
                // Fingerprints are distinct within a document and the sort is stable over document order, so the
                // group's owners are distinct documents in ascending order.
                var carriers = owners.AsSpan(start, end - start);
                if (FurnitureModel.IsFurniture(hashes[start], carriers, documents, options, runs, out var learnFrom))
                    furniture.Add((hashes[start], learnFrom.A, learnFrom.B));
                else AddPairs(carriers, documents, options, pairs);
            }
            start = end;
        }
        CollapsePartition(pairs, options.MinSharedFingerprints, pools);
        return pairs;
    }

    private const int CountBits = 2;
    private const ulong CountMask = (1 << CountBits) - 1;

    /// <summary>
    /// Turns a partition's pair keys (one per fingerprint a pair shares in it) into one key per pair that carries how
    /// many it shares, capped at the number a candidate needs: <c>(a &lt;&lt; 33) | (b &lt;&lt; 2) | count</c> (ordinals
    /// are below 2^31). A copy shares dozens of fingerprints, so the lists that wait for the final count, and the serial
    /// sort that joins them, shrink by that much, and the sorting moves into the parallel partitions. When a candidate
    /// needs more than the 2 bits can count, every key stays, with count 1.
    /// </summary>
    private static void CollapsePartition(PooledList<ulong> pairs, int minShared, IndexBuildPools pools)
    {
        var keys = pairs.Span;
        if (minShared > (int)CountMask)
        {
            for (int i = 0; i < keys.Length; i++) keys[i] = Pack(keys[i], 1);
            return;
        }
        RadixSort.Sort(keys, pools);
        int kept = 0;
        for (int i = 0; i < keys.Length;)
        {
            int j = i + 1;
            while (j < keys.Length && keys[j] == keys[i]) j++;
            keys[kept++] = Pack(keys[i], Math.Min(j - i, minShared));
            i = j;
        }
        pairs.Truncate(kept);
    }

    private static ulong Pack(ulong pairKey, int count) => ((pairKey >> 32) << 33) | ((pairKey & uint.MaxValue) << CountBits) | (uint)count;

    /// <summary>The pair key <see cref="Pack"/> packed, without its count.</summary>
    private static ulong Unpack(ulong packed) => ((packed >> 33) << 32) | ((packed >> CountBits) & int.MaxValue);

    /// <summary>
    /// The candidate pairs of a group of documents (in ascending order) that share a fingerprint or an LSH bucket:
    /// all pairs, or past <see cref="NearDupOptions.MaxPostings"/>, where all pairs would be quadratic (a wire story
    /// reprinted by thousands of outlets, a boilerplate page repeated across a crawl), each member with the group's
    /// hub only. Verification then links every true copy to the hub, so the cluster is still whole.
    /// </summary>
    private static void AddPairs(ReadOnlySpan<int> group, IReadOnlyList<SketchedDocument> documents, NearDupOptions options, PooledList<ulong> pairs)
    {
        if (group.Length <= options.MaxPostings)
        {
            for (int i = 0; i < group.Length; i++)
                for (int j = i + 1; j < group.Length; j++)
                    pairs.Add(PairKey(group[i], group[j]));
            return;
        }
        int hub = FurnitureModel.Hub(group, documents, options);
        foreach (int member in group)
            if (member != hub) pairs.Add(member < hub ? PairKey(member, hub) : PairKey(hub, member));
    }

    private static ulong PairKey(int a, int b) => ((ulong)(uint)a << 32) | (uint)b;

    private static (int From, int To) Range(int range, int ranges, int count) =>
        ((int)((long)range * count / ranges), (int)((long)(range + 1) * count / ranges));

    private static ulong[] LshPairs(IReadOnlyList<SketchedDocument> documents, NearDupOptions options, IndexBuildPools pools, CancellationToken ct)
    {
        var withText = documents.Where(d => d.ShingleCount > 0).Select(d => d.Ordinal).ToArray();
        int bands = documents.Count == 0 ? 0 : documents.First(d => true).BandKeys.Length;
        int n = withText.Length;
        var perBand = new PooledList<ulong>[bands];
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = options.EffectiveThreads, CancellationToken = ct };
        // Band keys laid out band by band, in one pass over the documents: every band then reads its keys from one
        // contiguous run instead of visiting every document object again.
        var bandMajor = pools.UInt32.Rent(Math.Max(1, bands * n));
        int ranges = RangeCount(n, options);
        Parallel.For(0, ranges, parallel, r =>
        {
            var (from, to) = Range(r, ranges, n);
            for (int i = from; i < to; i++)
            {
                var keysOfDocument = documents[withText[i]].BandKeys;
                for (int b = 0; b < bands; b++) bandMajor[b * n + i] = keysOfDocument[b];
            }
        });
        Parallel.For(0, bands, parallel, band =>
        {
            var keys = pools.UInt32.Rent(Math.Max(1, n));
            var docs = pools.Int32.Rent(Math.Max(1, n));
            bandMajor.AsSpan(band * n, n).CopyTo(keys);
            withText.CopyTo(docs, 0);
            RadixSort.Sort(keys, docs, n, pools);
            var pairs = new PooledList<ulong>(pool: pools.UInt64);
            var group = new List<int>();
            for (int i = 0; i < n;)
            {
                int j = i + 1;
                while (j < n && keys[j] == keys[i]) j++;
                if (j - i >= 2)
                {
                    group.Clear();
                    for (int m = i; m < j; m++) group.Add(docs[m]);
                    group.Sort();
                    AddPairs(CollectionsMarshal.AsSpan(group), documents, options, pairs);
                }
                i = j;
            }
            pools.UInt32.Return(keys);
            pools.Int32.Return(docs);
            perBand[band] = pairs;
        });
        pools.UInt32.Return(bandMajor);
        var (all, count) = Concatenate(perBand, pools);
        var result = SortedUnique(all, count, pools);
        pools.UInt64.Return(all);
        return result;
    }

    /// <summary>Copies the lists, in order, into one array rented from the pool (the caller returns it), handing each list
    /// back as soon as it is copied: together they are the run's largest buffers.</summary>
    private static (ulong[] Keys, int Count) Concatenate(PooledList<ulong>[] lists, IndexBuildPools pools)
    {
        int count = checked((int)lists.Sum(l => (long)l.Count));
        var keys = pools.UInt64.Rent(Math.Max(1, count));
        int offset = 0;
        foreach (var list in lists)
        {
            list.Span.CopyTo(keys.AsSpan(offset));
            offset += list.Count;
            list.Dispose();
        }
        return (keys, count);
    }

    /// <summary>Ranges of documents that parallel passes over <paramref name="count"/> documents split them into: a few per
    /// thread for balance, none smaller than 4,096 documents.</summary>
    private static int RangeCount(int count, NearDupOptions options) => Math.Max(1, Math.Min(count / 4096, options.EffectiveThreads * 8));

    /// <summary>The distinct values among the first <paramref name="count"/> of <paramref name="keys"/>, ascending, as a new array.</summary>
    private static ulong[] SortedUnique(ulong[] keys, int count, IndexBuildPools pools)
    {
        RadixSort.Sort(keys, count, pools);
        int unique = 0;
        for (int i = 0; i < count; i++)
            if (i == 0 || keys[i] != keys[i - 1]) keys[unique++] = keys[i];
        return keys.AsSpan(0, unique).ToArray();
    }
}
