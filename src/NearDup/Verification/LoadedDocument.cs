using NearDup.Candidates;
using NearDup.Sketching;

namespace NearDup.Verification;

/// <summary>
/// A document's shingles read back for verification, page furniture marked, with a <see cref="ShingleIndex"/> over
/// its content. Buffers are reused from one document to the next.
/// </summary>
internal sealed class LoadedDocument
{
    private uint[] _positions = new uint[1024];
    private bool[] _furniture = new bool[1024];
    private bool[] _covered = new bool[1024];

    public int Ordinal { get; private set; } = -1;
    public int TokenCount { get; private set; }
    public int Length { get; private set; }
    public ReadOnlySpan<uint> Positions => _positions.AsSpan(0, Length);
    public ReadOnlySpan<bool> Furniture => _furniture.AsSpan(0, Length);
    /// <summary>Scratch: which positions the current pair shares.</summary>
    public Span<bool> Covered => _covered.AsSpan(0, Length);
    public ShingleIndex Index { get; } = new();

    /// <summary>Drops the cached document so the next load reads it again.</summary>
    public void Forget() => Ordinal = int.MinValue;

    /// <summary>Loads <paramref name="document"/>, marking the shingles the furniture model knows.</summary>
    public void Load(SketchedDocument document, IShingleStore store, FurnitureModel furniture)
    {
        if (Ordinal == document.Ordinal) return;
        int n = document.ShingleCount;
        if (_positions.Length < n)
        {
            int size = Math.Max(n, _positions.Length * 2);
            _positions = new uint[size];
            _furniture = new bool[size];
            _covered = new bool[size];
        }
        var positions = _positions.AsSpan(0, n);
        store.Read(document.ShingleOffset, positions);
        var mask = _furniture.AsSpan(0, n);
        if (furniture.Touches(document))
            for (int i = 0; i < n; i++) mask[i] = furniture.IsFurniture(positions[i]);
        else
            mask.Clear();
        Index.Build(positions, mask);
        Length = n;
        TokenCount = document.TokenCount;
        Ordinal = document.Ordinal;
    }
}
