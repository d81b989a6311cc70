using NearDup.Sketches;
using NearDup.Sketching;

namespace NearDup.Candidates;

/// <summary>
/// Page furniture learned from the corpus: fingerprints that many documents carry although those documents
/// are not copies of each other (site footers, disclaimers, "Advertisement", newsletter blurbs). Its
/// shingles are removed from both sides before any pair is scored, so a shared footer is no evidence of
/// reuse, while a real reprint that also carries the footer is still found on its other text.
/// </summary>
public sealed class FurnitureModel
{
    private readonly HashSet<uint> _furniture;

    internal FurnitureModel(HashSet<uint> furniture) => _furniture = furniture;

    /// <summary>The number of fingerprints judged to be furniture.</summary>
    public int Count => _furniture.Count;

    /// <summary>Whether the (folded) shingle hash is a furniture fingerprint.</summary>
    public bool IsFurniture(uint shingleHash) => _furniture.Contains(shingleHash);

    /// <summary>Whether any of the document's fingerprints is furniture.</summary>
    public bool Touches(SketchedDocument document)
    {
        if (_furniture.Count == 0) return false;
        foreach (uint fp in document.Fingerprints)
            if (_furniture.Contains(fp)) return true;
        return false;
    }

    /// <summary>
    /// Decides whether a frequent fingerprint, carried by <paramref name="carriers"/>, is furniture. It is not when
    /// most of its carriers are copies of another carrier, as with a syndicated story or a source and the texts
    /// that quote it: among up to 12 carriers spread over the posting list, at least half must have a partner whose
    /// estimated share of the smaller inside the larger reaches <see cref="NearDupOptions.FurnitureCoherence"/>.
    /// Unrelated pages that carry one footer have no such partners.
    /// </summary>
    internal static bool IsIncoherent(ReadOnlySpan<int> carriers, IReadOnlyList<SketchedDocument> documents, NearDupOptions options)
    {
        if (carriers.Length > options.MaxPostings) return true;
        const int SampleDocuments = 12;
        int sampleCount = Math.Min(SampleDocuments, carriers.Length);
        Span<int> sample = stackalloc int[SampleDocuments];
        for (int i = 0; i < sampleCount; i++) sample[i] = carriers[(int)((long)i * carriers.Length / sampleCount)];
        int withPartner = 0;
        for (int i = 0; i < sampleCount; i++)
        {
            for (int j = 0; j < sampleCount; j++)
            {
                if (i != j && EstimatedShareOfSmaller(documents[sample[i]], documents[sample[j]]) >= options.FurnitureCoherence)
                {
                    withPartner++;
                    break;
                }
            }
        }
        return withPartner * 2 < sampleCount;
    }

    private static double EstimatedShareOfSmaller(SketchedDocument a, SketchedDocument b)
    {
        double j = MinHashSignature.EstimateJaccard(a.SampleSignature, b.SampleSignature);
        double shared = j * (a.ShingleCount + b.ShingleCount) / (1 + j);
        int smaller = Math.Min(a.ShingleCount, b.ShingleCount);
        return smaller == 0 ? 0 : shared / smaller;
    }
}
