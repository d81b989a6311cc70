using NearDup.Index;
using NearDup.Sketches;
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
/// sorting (hash, document) entries, which is faster and smaller than hash maps of posting lists.
/// </summary>
public static class CandidateGenerator
{
    /// <summary>Generates the candidates of <paramref name="documents"/> (indexed by ordinal).</summary>
    public static CandidateSet Generate(IReadOnlyList<SketchedDocument> documents, NearDupOptions options, CancellationToken cancellationToken = default)
    {
        var (fingerprintPairs, furniture) = FingerprintPairs(documents, options, cancellationToken);
        var lshPairs = LshPairs(documents, options, cancellationToken);
        var all = new ulong[fingerprintPairs.Length + lshPairs.Length];
        fingerprintPairs.CopyTo(all, 0);
        lshPairs.CopyTo(all, fingerprintPairs.Length);
        Array.Sort(all);
        int unique = Unique(all);
        return new CandidateSet(all[..unique], furniture, fingerprintPairs.Length, lshPairs.Length);
    }

    private static (ulong[] Pairs, FurnitureModel Furniture) FingerprintPairs(IReadOnlyList<SketchedDocument> documents, NearDupOptions options, CancellationToken ct)
    {
        long total = 0;
        foreach (var d in documents) total += d.Fingerprints.Length;
        var hashes = new ulong[total];
        var owners = new int[total];
        long n = 0;
        foreach (var d in documents)
        {
            foreach (var fp in d.Fingerprints)
            {
                hashes[n] = fp.Hash;
                owners[n] = d.Ordinal;
                n++;
            }
        }
        Array.Sort(hashes, owners);
        ct.ThrowIfCancellationRequested();

        var furniture = new HashSet<ulong>();
        var pairKeys = new List<ulong>();
        var carriers = new List<int>();
        long start = 0;
        while (start < n)
        {
            long end = start + 1;
            while (end < n && hashes[end] == hashes[start]) end++;
            if (end - start > 1)
            {
                carriers.Clear();
                for (long i = start; i < end; i++) carriers.Add(owners[i]);
                carriers.Sort();
                int distinct = DistinctInPlace(carriers);
                if (distinct >= 2)
                {
                    var span = System.Runtime.InteropServices.CollectionsMarshal.AsSpan(carriers)[..distinct];
                    if (distinct >= options.FurnitureMinDocuments && FurnitureModel.IsIncoherent(span, documents, options))
                    {
                        furniture.Add(hashes[start]);
                    }
                    else
                    {
                        for (int i = 0; i < span.Length; i++)
                            for (int j = i + 1; j < span.Length; j++)
                                pairKeys.Add(((ulong)(uint)span[i] << 32) | (uint)span[j]);
                    }
                }
            }
            start = end;
        }

        // A pair is a candidate when it shares enough distinct fingerprints.
        var keys = pairKeys.ToArray();
        Array.Sort(keys);
        int kept = 0;
        for (int i = 0; i < keys.Length;)
        {
            int j = i + 1;
            while (j < keys.Length && keys[j] == keys[i]) j++;
            if (j - i >= options.MinSharedFingerprints) keys[kept++] = keys[i];
            i = j;
        }
        return (keys[..kept], new FurnitureModel(furniture));
    }

    private static ulong[] LshPairs(IReadOnlyList<SketchedDocument> documents, NearDupOptions options, CancellationToken ct)
    {
        var parameters = LshParameters.Optimal(options.LshThreshold, options.Permutations);
        int count = documents.Count;
        var pairKeys = new List<ulong>();
        var bandKeys = new ulong[parameters.Bands];
        var keysByBand = new ulong[parameters.Bands][];
        for (int band = 0; band < parameters.Bands; band++) keysByBand[band] = new ulong[count];
        for (int d = 0; d < count; d++)
        {
            BandKeys.Compute(documents[d].Signature, parameters, bandKeys);
            for (int band = 0; band < parameters.Bands; band++) keysByBand[band][d] = bandKeys[band];
        }
        var docs = new int[count];
        var group = new List<int>();
        for (int band = 0; band < parameters.Bands; band++)
        {
            ct.ThrowIfCancellationRequested();
            var keys = keysByBand[band];
            for (int d = 0; d < count; d++) docs[d] = d;
            Array.Sort(keys, docs);
            for (int i = 0; i < count;)
            {
                int j = i + 1;
                while (j < count && keys[j] == keys[i]) j++;
                if (j - i >= 2 && j - i <= options.MaxPostings && documents[docs[i]].DistinctShingles > 0)
                {
                    group.Clear();
                    for (int m = i; m < j; m++) group.Add(docs[m]);
                    group.Sort();
                    for (int x = 0; x < group.Count; x++)
                        for (int y = x + 1; y < group.Count; y++)
                            pairKeys.Add(((ulong)(uint)group[x] << 32) | (uint)group[y]);
                }
                i = j;
            }
        }
        var result = pairKeys.ToArray();
        Array.Sort(result);
        return result[..Unique(result)];
    }

    private static int Unique(ulong[] sorted)
    {
        int unique = 0;
        for (int i = 0; i < sorted.Length; i++)
            if (i == 0 || sorted[i] != sorted[i - 1]) sorted[unique++] = sorted[i];
        return unique;
    }

    private static int DistinctInPlace(List<int> sorted)
    {
        int unique = 0;
        for (int i = 0; i < sorted.Count; i++)
            if (i == 0 || sorted[i] != sorted[i - 1]) sorted[unique++] = sorted[i];
        return unique;
    }
}
