using NearDup.Candidates;
using NearDup.Sketching;

namespace NearDup.Verification;

/// <summary>
/// A document's shingles read back for verification, with page furniture masked and the remaining content as a
/// sorted distinct set. Buffers are reused from one document to the next.
/// </summary>
internal sealed class LoadedDocument
{
    private uint[] _positions = new uint[1024];
    private bool[] _furniture = new bool[1024];
    private uint[] _content = new uint[1024];

    public int Ordinal { get; private set; } = -1;
    public int TokenCount { get; private set; }
    public int Length { get; private set; }
    public bool HasFurniture { get; private set; }
    public ReadOnlySpan<uint> Positions => _positions.AsSpan(0, Length);
    public ReadOnlySpan<bool> Furniture => _furniture.AsSpan(0, Length);
    public int ContentCount { get; private set; }
    public ReadOnlySpan<uint> Content => _content.AsSpan(0, ContentCount);

    /// <summary>Loads <paramref name="document"/>, masking the shingles the furniture model knows.</summary>
    public void Load(SketchedDocument document, IShingleStore store, FurnitureModel furniture)
    {
        if (Ordinal == document.Ordinal) return;
        int n = document.ShingleCount;
        if (_positions.Length < n)
        {
            int size = Math.Max(n, _positions.Length * 2);
            _positions = new uint[size];
            _furniture = new bool[size];
            _content = new uint[size];
        }
        var positions = _positions.AsSpan(0, n);
        store.Read(document.ShingleOffset, positions);
        var mask = _furniture.AsSpan(0, n);
        mask.Clear();
        HasFurniture = furniture.Touches(document);
        if (HasFurniture)
        {
            for (int i = 0; i < n; i++) mask[i] = furniture.IsFurniture(positions[i]);
        }
        int count = 0;
        for (int i = 0; i < n; i++)
            if (!mask[i]) _content[count++] = positions[i];
        var content = _content.AsSpan(0, count);
        content.Sort();
        int unique = 0;
        for (int i = 0; i < content.Length; i++)
            if (i == 0 || content[i] != content[i - 1]) content[unique++] = content[i];
        ContentCount = unique;
        Length = n;
        TokenCount = document.TokenCount;
        Ordinal = document.Ordinal;
    }
}
