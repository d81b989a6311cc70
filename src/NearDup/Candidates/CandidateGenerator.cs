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
/// fingerprint index is built one hash-range partition at a time, so its memory is a sixteenth of the total.
/// </summary>
public static class CandidateGenerator
{
    private const int PartitionBits = 4;

    /// <summary>Generates the candidates of <paramref name="documents"/> (indexed by ordinal).</summary>
    public static CandidateSet Generate(IReadOnlyList<SketchedDocument> documents, IShingleStore store, NearDupOptions options, CancellationToken cancellationToken = default)
    {
        var (fingerprintPairs, furniture) = FingerprintPairs(documents, store, options, cancellationToken);
        var lshPairs = LshPairs(documents, options, cancellationToken);
        var all = new ulong[fingerprintPairs.Length + lshPairs.Length];
        fingerprintPairs.CopyTo(all, 0);
        lshPairs.CopyTo(all, fingerprintPairs.Length);
        RadixSort.Sort(all);
        int unique = Unique(all);
        return new CandidateSet(all[..unique], furniture, fingerprintPairs.Length, lshPairs.Length);
    }

    private static (ulong[] Pairs, FurnitureModel Furniture) FingerprintPairs(IReadOnlyList<SketchedDocument> documents, IShingleStore store, NearDupOptions options, CancellationToken ct)
    {
        int partitions = 1 << PartitionBits;
        var perPartition = new long[partitions];
        foreach (var d in documents)
            foreach (uint fp in d.Fingerprints) perPartition[fp >> (32 - PartitionBits)]++;

        var furniture = new ConcurrentBag<(uint Hash, int A, int B)>();
        var pairLists = new List<ulong>[partitions];
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = options.EffectiveThreads, CancellationToken = ct };
        Parallel.For(0, partitions, parallel, partition =>
        {
            var hashes = new uint[perPartition[partition]];
            var owners = new int[hashes.Length];
            int n = 0;
            foreach (var d in documents)
            {
                foreach (uint fp in d.Fingerprints)
                {
                    if (fp >> (32 - PartitionBits) != partition) continue;
                    hashes[n] = fp;
                    owners[n++] = d.Ordinal;
                }
            }
            RadixSort.Sort(hashes, owners, n);
            var pairs = new List<ulong>();
            var carriers = new List<int>();
            for (int start = 0; start < n;)
            {
                int end = start + 1;
                while (end < n && hashes[end] == hashes[start]) end++;
                if (end - start > 1)
                {
                    // Fingerprints are distinct within a document, so the group's owners are distinct documents.
                    carriers.Clear();
                    for (int i = start; i < end; i++) carriers.Add(owners[i]);
                    carriers.Sort();
                    var span = CollectionsMarshal.AsSpan(carriers);
                    if (span.Length >= options.FurnitureMinDocuments && FurnitureModel.IsIncoherent(span, documents, options))
                    {
                        var (a, b) = FurnitureModel.LeastAlikeCarriers(span, documents);
                        furniture.Add((hashes[start], a, b));
                    }
                    else
                    {
                        for (int i = 0; i < span.Length; i++)
                            for (int j = i + 1; j < span.Length; j++)
                                pairs.Add(((ulong)(uint)span[i] << 32) | (uint)span[j]);
                    }
                }
                start = end;
            }
            pairLists[partition] = pairs;
        });

        // A pair is a candidate when it shares enough distinct fingerprints.
        var keys = new ulong[pairLists.Sum(l => (long)l.Count)];
        int offset = 0;
        for (int p = 0; p < pairLists.Length; p++)
        {
            pairLists[p].CopyTo(keys, offset);
            offset += pairLists[p].Count;
            pairLists[p] = null!; // let each list go as soon as it is copied: these are the run's largest allocations
        }
        RadixSort.Sort(keys);
        int kept = 0;
        for (int i = 0; i < keys.Length;)
        {
            int j = i + 1;
            while (j < keys.Length && keys[j] == keys[i]) j++;
            if (j - i >= options.MinSharedFingerprints) keys[kept++] = keys[i];
            i = j;
        }
        return (keys[..kept], FurnitureModel.Learn(furniture, documents, store));
    }

    private static ulong[] LshPairs(IReadOnlyList<SketchedDocument> documents, NearDupOptions options, CancellationToken ct)
    {
        var withText = documents.Where(d => d.ShingleCount > 0).Select(d => d.Ordinal).ToArray();
        int bands = documents.Count == 0 ? 0 : documents.First(d => true).BandKeys.Length;
        var perBand = new List<ulong>[bands];
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = options.EffectiveThreads, CancellationToken = ct };
        Parallel.For(0, bands, parallel, band =>
        {
            var keys = new uint[withText.Length];
            var docs = new int[withText.Length];
            for (int i = 0; i < withText.Length; i++)
            {
                docs[i] = withText[i];
                keys[i] = documents[withText[i]].BandKeys[band];
            }
            RadixSort.Sort(keys, docs, keys.Length);
            var pairs = new List<ulong>();
            var group = new List<int>();
            for (int i = 0; i < keys.Length;)
            {
                int j = i + 1;
                while (j < keys.Length && keys[j] == keys[i]) j++;
                if (j - i >= 2 && j - i <= options.MaxPostings)
                {
                    group.Clear();
                    for (int m = i; m < j; m++) group.Add(docs[m]);
                    group.Sort();
                    for (int x = 0; x < group.Count; x++)
                        for (int y = x + 1; y < group.Count; y++)
                            pairs.Add(((ulong)(uint)group[x] << 32) | (uint)group[y]);
                }
                i = j;
            }
            perBand[band] = pairs;
        });
        var result = new ulong[perBand.Sum(l => (long)l.Count)];
        int offset = 0;
        for (int band = 0; band < perBand.Length; band++)
        {
            perBand[band].CopyTo(result, offset);
            offset += perBand[band].Count;
            perBand[band] = null!;
        }
        RadixSort.Sort(result);
        return result[..Unique(result)];
    }

    private static int Unique(ulong[] sorted)
    {
        int unique = 0;
        for (int i = 0; i < sorted.Length; i++)
            if (i == 0 || sorted[i] != sorted[i - 1]) sorted[unique++] = sorted[i];
        return unique;
    }
}
