using NearDup.Candidates;
using NearDup.Sketching;

namespace NearDup.Verification;

/// <summary>
/// A document's shingles read back for verification: its content shingles (page furniture removed) as
/// <c>(hash &lt;&lt; 32) | position</c>, sorted, so two documents intersect in one linear merge that also says
/// which positions are shared. Buffers are reused from one document to the next.
/// </summary>
internal sealed class LoadedDocument
{
    private uint[] _positions = new uint[1024];
    private ulong[] _content = new ulong[1024];
    private bool[] _covered = new bool[1024];

    public int Ordinal { get; private set; } = -1;
    public int TokenCount { get; private set; }
    public int Length { get; private set; }
    /// <summary>Content shingles as (hash, position), ascending by hash then position.</summary>
    public ReadOnlySpan<ulong> Content => _content.AsSpan(0, ContentCount);
    public int ContentCount { get; private set; }
    /// <summary>Distinct content shingles.</summary>
    public int DistinctContent { get; private set; }
    /// <summary>Scratch: which positions the current pair shares.</summary>
    public Span<bool> Covered => _covered.AsSpan(0, Length);

    /// <summary>Loads <paramref name="document"/>, dropping the shingles the furniture model knows.</summary>
    public void Load(SketchedDocument document, IShingleStore store, FurnitureModel furniture)
    {
        if (Ordinal == document.Ordinal) return;
        int n = document.ShingleCount;
        if (_positions.Length < n)
        {
            int size = Math.Max(n, _positions.Length * 2);
            _positions = new uint[size];
            _content = new ulong[size];
            _covered = new bool[size];
        }
        var positions = _positions.AsSpan(0, n);
        store.Read(document.ShingleOffset, positions);
        bool masked = furniture.Touches(document);
        int count = 0;
        for (int i = 0; i < n; i++)
        {
            if (masked && furniture.IsFurniture(positions[i])) continue;
            _content[count++] = ((ulong)positions[i] << 32) | (uint)i;
        }
        var content = _content.AsSpan(0, count);
        content.Sort();
        int distinct = 0;
        for (int i = 0; i < count; i++)
            if (i == 0 || (content[i] >> 32) != (content[i - 1] >> 32)) distinct++;
        ContentCount = count;
        DistinctContent = distinct;
        Length = n;
        TokenCount = document.TokenCount;
        Ordinal = document.Ordinal;
    }
}
