using NearDup.Candidates;
using NearDup.Sketching;

namespace NearDup.Verification;

/// <summary>Removes page furniture from a document's shingles before pairs are scored.</summary>
internal static class ContentShingles
{
    /// <summary>
    /// Marks as furniture every shingle within <c>w − 1</c> positions of a furniture fingerprint (winnowing keeps
    /// a fingerprint in every window of <c>w</c> shingles, so a run of furniture is covered end to end), then
    /// stores the sorted distinct remaining shingles as the document's content set.
    /// </summary>
    public static void Apply(SketchedDocument document, FurnitureModel furniture, int window)
    {
        bool[]? mask = null;
        int n = document.Shingles.Length;
        foreach (var fp in document.Fingerprints)
        {
            if (!furniture.IsFurniture(fp.Hash)) continue;
            mask ??= new bool[n];
            int from = Math.Max(0, fp.Position - (window - 1));
            int to = Math.Min(n - 1, fp.Position + (window - 1));
            for (int i = from; i <= to; i++) mask[i] = true;
        }
        document.FurnitureMask = mask;

        var content = new uint[n];
        int count = 0;
        for (int i = 0; i < n; i++)
            if (mask is null || !mask[i]) content[count++] = document.Shingles[i];
        var span = content.AsSpan(0, count);
        span.Sort();
        int unique = 0;
        for (int i = 0; i < span.Length; i++)
            if (i == 0 || span[i] != span[i - 1]) span[unique++] = span[i];
        document.ContentSet = content[..unique];
    }
}
