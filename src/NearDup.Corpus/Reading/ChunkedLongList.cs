namespace NearDup.Corpus;

/// <summary>
/// An append-only list of longs stored in fixed-size chunks, so growing it never copies what is already there and
/// never asks for one huge array (8 bytes an item: 1M items take 8 MB).
/// </summary>
internal sealed class ChunkedLongList
{
    // 64 KB chunks: below the large object heap threshold, and small enough that a reader of a few documents stays cheap.
    private const int ChunkShift = 13;
    private const int ChunkSize = 1 << ChunkShift;
    private const int ChunkMask = ChunkSize - 1;

    private readonly List<long[]> _chunks = [];

    /// <summary>Items added so far.</summary>
    public long Count { get; private set; }

    public void Add(long value)
    {
        int offset = (int)(Count & ChunkMask);
        if (offset == 0)
            _chunks.Add(new long[ChunkSize]);
        _chunks[^1][offset] = value;
        Count++;
    }

    public long this[long index]
    {
        get
        {
            ArgumentOutOfRangeException.ThrowIfNegative(index);
            ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, Count);
            return _chunks[(int)(index >> ChunkShift)][index & ChunkMask];
        }
    }
}
