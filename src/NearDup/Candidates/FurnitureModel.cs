using System.Runtime.CompilerServices;
using NearDup.Sketches;
using NearDup.Sketching;

namespace NearDup.Candidates;

/// <summary>
/// Page furniture learned from the corpus: fingerprints that many documents carry although those documents
/// are not copies of each other, at their start or end (site headers and footers, bylines, disclaimers, newsletter
/// blurbs; in the body only when very many carry it, see <see cref="SitsAtEdges"/>). Its
/// shingles are removed from both sides before any pair is scored, so a shared footer is no evidence of
/// reuse, while a real reprint that also carries the footer is still found on its other text.
/// </summary>
public sealed class FurnitureModel
{
    private const int FilterBits = 20;
    private readonly HashSet<uint> _furniture;
    // One bit per value of a hash's top 20 bits (128 KiB): a clear bit answers "not furniture" without probing the set, which
    // is the answer for nearly every shingle of a run (the 37,000 furniture shingles of 1M documents set 3.5% of the bits).
    private readonly ulong[] _filter = new ulong[(1 << FilterBits) / 64];

    internal FurnitureModel(HashSet<uint> furniture)
    {
        _furniture = furniture;
        foreach (uint hash in furniture)
        {
            uint bucket = hash >> (32 - FilterBits);
            _filter[bucket >> 6] |= 1UL << (int)(bucket & 63);
        }
    }

    /// <summary>A model that knows no furniture.</summary>
    public static FurnitureModel None { get; } = new([]);

    /// <summary>The number of distinct shingles judged to be furniture.</summary>
    public int Count => _furniture.Count;

    /// <summary>Whether the (folded) shingle hash is a furniture fingerprint.</summary>
    // Inlined: it is called once per shingle from loops, and, being loop-free, would otherwise run unoptimised
    // (tier 0) for much of a run before the runtime promotes it (1% of a 100k-document dedup's CPU in a profile).
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool IsFurniture(uint shingleHash)
    {
        uint bucket = shingleHash >> (32 - FilterBits);
        return (_filter[bucket >> 6] & (1UL << (int)(bucket & 63))) != 0 && _furniture.Contains(shingleHash);
    }

    /// <summary>Whether any of the document's fingerprints is furniture.</summary>
    public bool Touches(SketchedDocument document)
    {
        if (_furniture.Count == 0) return false;
        foreach (uint fp in document.Fingerprints)
            if (IsFurniture(fp)) return true;
        return false;
    }

    /// <summary>
    /// Decides whether a frequent fingerprint, carried by <paramref name="carriers"/>, is furniture. It is not when
    /// most of its carriers are copies of another carrier, as with a syndicated story or a source and the texts
    /// that quote it: among up to 12 carriers spread over the posting list, at least half must have a partner
    /// (<see cref="ArePartners"/>). Unrelated pages that carry one footer have no such partners.
    /// </summary>
    private static bool IsIncoherent(ReadOnlySpan<int> carriers, IReadOnlyList<SketchedDocument> documents, NearDupOptions options)
    {
        const int SampleDocuments = 12;
        int sampleCount = Math.Min(SampleDocuments, carriers.Length);
        bool oversized = carriers.Length > options.MaxPostings;
        int withPartner = 0;
        for (int i = 0; i < sampleCount; i++)
        {
            var document = documents[Sampled(carriers, i, sampleCount)];
            for (int j = 0; j < sampleCount; j++)
            {
                if (i != j && ArePartners(document, documents[Sampled(carriers, j, sampleCount)], oversized, options))
                {
                    withPartner++;
                    break;
                }
            }
        }
        return withPartner * 2 < sampleCount;
    }

    /// <summary>
    /// The carrier to pair every other carrier of an oversized group with (more than
    /// <see cref="NearDupOptions.MaxPostings"/> documents, whose all-pairs would be quadratic): among up to 12 carriers
    /// spread over the group, the one with the most partners (<see cref="ArePartners"/>), earliest on ties. Copies of
    /// one story then form a star around a true copy, and union-find still puts them all in one cluster.
    /// </summary>
    internal static int Hub(ReadOnlySpan<int> carriers, IReadOnlyList<SketchedDocument> documents, NearDupOptions options)
    {
        const int SampleDocuments = 12;
        int sampleCount = Math.Min(SampleDocuments, carriers.Length);
        bool oversized = carriers.Length > options.MaxPostings;
        int hub = carriers[0], mostPartners = -1;
        for (int i = 0; i < sampleCount; i++)
        {
            int candidate = Sampled(carriers, i, sampleCount);
            int partners = 0;
            for (int j = 0; j < sampleCount; j++)
                if (j != i && ArePartners(documents[candidate], documents[Sampled(carriers, j, sampleCount)], oversized, options)) partners++;
            if (partners > mostPartners) (hub, mostPartners) = (candidate, partners);
        }
        return hub;
    }

    private static int Sampled(ReadOnlySpan<int> carriers, int i, int sampleCount) => carriers[(int)((long)i * carriers.Length / sampleCount)];

    /// <summary>
    /// Whether two carriers of a frequent fingerprint look like copies of one text: the estimated share of the smaller
    /// inside the larger reaches <see cref="NearDupOptions.FurnitureCoherence"/>. For an oversized group (more than
    /// <see cref="NearDupOptions.MaxPostings"/> carriers, past which the group only survives as a star of copies) the
    /// bar is whole-document resemblance at <see cref="NearDupOptions.DuplicateResemblance"/>: a short page that is
    /// mostly a site's footer is "inside" every page with that footer, and in a group of thousands such pages are
    /// sure to be sampled (measured on the synthetic 100k corpus: a 6,451-page footer passed the share test through
    /// its 92–107-shingle briefs, and fails the resemblance test).
    /// </summary>
    private static bool ArePartners(SketchedDocument a, SketchedDocument b, bool oversized, NearDupOptions options) => oversized
        ? MinHashSignature.EstimateJaccard(a.SampleSignature, b.SampleSignature) >= options.DuplicateResemblance
        : EstimatedShareOfSmaller(a, b) >= options.FurnitureCoherence;

    /// <summary>The two carriers least alike (by estimate), whose common run around the fingerprint is the furniture itself.</summary>
    private static (int A, int B) LeastAlikeCarriers(ReadOnlySpan<int> carriers, IReadOnlyList<SketchedDocument> documents)
    {
        const int SampleDocuments = 12;
        int sampleCount = Math.Min(SampleDocuments, carriers.Length);
        (int, int) best = (carriers[0], carriers[1]);
        double lowest = double.MaxValue;
        for (int i = 0; i < sampleCount; i++)
        {
            int a = carriers[(int)((long)i * carriers.Length / sampleCount)];
            for (int j = i + 1; j < sampleCount; j++)
            {
                int b = carriers[(int)((long)j * carriers.Length / sampleCount)];
                double share = EstimatedShareOfSmaller(documents[a], documents[b]);
                if (share < lowest) { lowest = share; best = (a, b); }
            }
        }
        return best;
    }

    /// <summary>
    /// Grows furniture from its winnowed fingerprints to every shingle of the furniture: around each furniture
    /// fingerprint, the run of shingles that two unrelated carriers have in common (a footer's whole text; for
    /// template text with varying numbers, only the fixed parts).
    /// </summary>
    internal static FurnitureModel Learn(IEnumerable<(uint Hash, int A, int B)> furnitureFingerprints, IReadOnlyList<SketchedDocument> documents, IShingleStore store)
        => Learn(furnitureFingerprints, i => documents[i], store);

    internal static FurnitureModel Learn(IEnumerable<(uint Hash, int A, int B)> furnitureFingerprints, Func<int, SketchedDocument> documents, IShingleStore store)
    {
        var furniture = new HashSet<uint>();
        var runs = new CommonRunReader(store);
        foreach (var (hash, docA, docB) in furnitureFingerprints.OrderBy(f => f.Hash))
        {
            if (!furniture.Add(hash)) continue; // already inside a run learned from another fingerprint
            if (!runs.Find(hash, documents(docA), documents(docB), out var run)) continue;
            foreach (uint shingle in runs.ShinglesOfA(run)) furniture.Add(shingle);
        }
        return new FurnitureModel(furniture);
    }

    /// <summary>
    /// The furniture test for a fingerprint carried by <paramref name="carriers"/> (distinct documents): frequent
    /// (<see cref="NearDupOptions.FurnitureMinDocuments"/>), carried by documents that are not copies of each other
    /// (<see cref="IsIncoherent"/>), and at their edges (<see cref="SitsAtEdges"/>) unless so many carry it
    /// (<see cref="NearDupOptions.FurnitureMinDocumentsInBody"/>) that it is boilerplate wherever it sits. A passage in
    /// their bodies is reuse of a common source. When it is furniture, <paramref name="learnFrom"/> are the two least
    /// alike carriers, to learn its whole run from (<see cref="Learn(IEnumerable{ValueTuple{uint, int, int}}, IReadOnlyList{SketchedDocument}, IShingleStore)"/>).
    /// </summary>
    internal static bool IsFurniture(uint hash, ReadOnlySpan<int> carriers, IReadOnlyList<SketchedDocument> documents, NearDupOptions options,
        CommonRunReader runs, out (int A, int B) learnFrom)
    {
        learnFrom = default;
        if (carriers.Length < options.FurnitureMinDocuments || !IsIncoherent(carriers, documents, options)) return false;
        learnFrom = LeastAlikeCarriers(carriers, documents);
        return carriers.Length >= Math.Max(options.FurnitureMinDocuments, options.FurnitureMinDocumentsInBody)
            || SitsAtEdges(hash, documents[learnFrom.A], documents[learnFrom.B], runs);
    }

    /// <summary>
    /// Whether the passage around a frequent fingerprint sits at an edge (start or end) of both of two unrelated carriers,
    /// as a site's header, byline or footer does, rather than in their bodies, as a press release paragraph or a
    /// quotation that several outlets reuse does. The edge allows <see cref="EdgeSlack"/> shingles of other text (a date
    /// line, tags, a second block of boilerplate that differs between the pages).
    /// </summary>
    private static bool SitsAtEdges(uint hash, SketchedDocument a, SketchedDocument b, CommonRunReader runs)
    {
        if (!runs.Find(hash, a, b, out var run)) return true; // cannot place it: keep the frequency verdict
        return AtEdge(run.StartA, run.EndA, a.ShingleCount) && AtEdge(run.StartB, run.EndB, b.ShingleCount);
    }

    private static bool AtEdge(int start, int end, int count)
    {
        int slack = EdgeSlack(count);
        return start <= slack || end >= count - slack;
    }

    /// <summary>Shingles of other text allowed between a furniture run and its document's edge: 16, or a sixteenth of the
    /// document when that is more.</summary>
    internal static int EdgeSlack(int shingleCount) => Math.Max(16, shingleCount / 16);

    [MethodImpl(MethodImplOptions.AggressiveInlining)] // called from loops; see IsFurniture(uint)
    private static double EstimatedShareOfSmaller(SketchedDocument a, SketchedDocument b)
    {
        double j = MinHashSignature.EstimateJaccard(a.SampleSignature, b.SampleSignature);
        double shared = j * (a.ShingleCount + b.ShingleCount) / (1 + j);
        int smaller = Math.Min(a.ShingleCount, b.ShingleCount);
        return smaller == 0 ? 0 : shared / smaller;
    }

    /// <summary>The run of shingles two documents have in common around a shared fingerprint: [StartA, EndA) in A's
    /// shingles and [StartB, EndB) in B's.</summary>
    internal readonly record struct CommonRun(int StartA, int EndA, int StartB, int EndB);

    /// <summary>Reads two documents' shingles back from the store into reused buffers and finds their common run
    /// around a fingerprint. One instance per thread.</summary>
    internal sealed class CommonRunReader(IShingleStore store)
    {
        // Grown on first use, so a reader costs nothing where no fingerprint needs placing (most queries of an index).
        private uint[] _a = [];
        private uint[] _b = [];

        /// <summary>Finds the run around <paramref name="hash"/> (its first occurrence in each); false when either lacks it.</summary>
        public bool Find(uint hash, SketchedDocument a, SketchedDocument b, out CommonRun run)
        {
            if (_a.Length < a.ShingleCount) _a = new uint[Math.Max(1024, a.ShingleCount * 2)];
            if (_b.Length < b.ShingleCount) _b = new uint[Math.Max(1024, b.ShingleCount * 2)];
            var sa = _a.AsSpan(0, a.ShingleCount);
            var sb = _b.AsSpan(0, b.ShingleCount);
            store.Read(a.ShingleOffset, sa);
            store.Read(b.ShingleOffset, sb);
            int ia = sa.IndexOf(hash), ib = sb.IndexOf(hash);
            if (ia < 0 || ib < 0)
            {
                run = default;
                return false;
            }
            int back = 0;
            while (ia - back - 1 >= 0 && ib - back - 1 >= 0 && sa[ia - back - 1] == sb[ib - back - 1]) back++;
            int forward = 1;
            while (ia + forward < sa.Length && ib + forward < sb.Length && sa[ia + forward] == sb[ib + forward]) forward++;
            run = new CommonRun(ia - back, ia + forward, ib - back, ib + forward);
            return true;
        }

        /// <summary>A's shingles in <paramref name="run"/>, as read by the last <see cref="Find"/>.</summary>
        public ReadOnlySpan<uint> ShinglesOfA(CommonRun run) => _a.AsSpan(run.StartA, run.EndA - run.StartA);
    }
}
