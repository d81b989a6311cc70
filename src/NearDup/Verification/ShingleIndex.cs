using System.Numerics;

namespace NearDup.Verification;

/// <summary>
/// An open-addressing table over one document's content shingles: each distinct hash with the chain of positions
/// where it occurs. Rebuilt in place for each document (generation stamps instead of clearing), so verifying a
/// pair costs one probe per shingle of the other document and no sort.
/// </summary>
internal sealed class ShingleIndex
{
    private uint[] _keys = new uint[2048];
    private int[] _head = new int[2048];
    private int[] _generation = new int[2048];
    private int[] _visited = new int[2048];
    private int[] _counted = new int[2048];
    private int _countPass;
    private int[] _next = new int[1024];
    private int _mask = 2047;
    private int _current;

    /// <summary>Distinct content shingles of the indexed document.</summary>
    public int Distinct { get; private set; }

    /// <summary>Indexes the shingles at the positions not marked as furniture.</summary>
    public void Build(ReadOnlySpan<uint> positions, ReadOnlySpan<bool> furniture)
    {
        int capacity = (int)BitOperations.RoundUpToPowerOf2((uint)Math.Max(16, positions.Length * 2));
        if (_keys.Length < capacity)
        {
            _keys = new uint[capacity];
            _head = new int[capacity];
            _generation = new int[capacity];
            _visited = new int[capacity];
            _counted = new int[capacity];
            _current = 0;
        }
        _mask = capacity - 1;
        if (_next.Length < positions.Length) _next = new int[Math.Max(positions.Length, _next.Length * 2)];
        if (++_current == int.MaxValue) { Array.Clear(_generation); _current = 1; }
        int distinct = 0;
        for (int i = 0; i < positions.Length; i++)
        {
            if (furniture[i]) continue;
            uint key = positions[i];
            int slot = (int)(key & (uint)_mask);
            while (true)
            {
                if (_generation[slot] != _current)
                {
                    _generation[slot] = _current;
                    _keys[slot] = key;
                    _head[slot] = i;
                    _visited[slot] = 0;
                    _counted[slot] = 0;
                    _next[i] = -1;
                    distinct++;
                    break;
                }
                if (_keys[slot] == key)
                {
                    _next[i] = _head[slot];
                    _head[slot] = i;
                    break;
                }
                slot = (slot + 1) & _mask;
            }
        }
        Distinct = distinct;
    }

    /// <summary>The slot of <paramref name="key"/>, or −1.</summary>
    public int Find(uint key)
    {
        int slot = (int)(key & (uint)_mask);
        while (_generation[slot] == _current)
        {
            if (_keys[slot] == key) return slot;
            slot = (slot + 1) & _mask;
        }
        return -1;
    }

    /// <summary>Marks the slot as met by pair <paramref name="pair"/>; false when it already was.</summary>
    public bool Visit(int slot, int pair)
    {
        if (_visited[slot] == pair) return false;
        _visited[slot] = pair;
        return true;
    }

    /// <summary>Sets <paramref name="covered"/> at every position holding the slot's shingle.</summary>
    public void MarkPositions(int slot, Span<bool> covered)
    {
        for (int p = _head[slot]; p >= 0; p = _next[p]) covered[p] = true;
    }

    /// <summary>Starts a new counting pass for <see cref="CountOnce"/>.</summary>
    public void BeginCountPass()
    {
        if (++_countPass == int.MaxValue) { Array.Clear(_counted); _countPass = 1; }
    }

    /// <summary>True the first time <paramref name="key"/> (a shingle of this document) is seen in the current
    /// counting pass, false after that or when the document does not hold it.</summary>
    public bool CountOnce(uint key)
    {
        int slot = Find(key);
        if (slot < 0 || _counted[slot] == _countPass) return false;
        _counted[slot] = _countPass;
        return true;
    }
}
