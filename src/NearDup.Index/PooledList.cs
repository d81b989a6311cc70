using System.Buffers;

namespace NearDup.Index;

/// <summary>
/// An append-only list whose storage is rented from an array pool and returned on <see cref="Dispose"/>:
/// for the large, short-lived key lists of index building, where a <see cref="List{T}"/> would allocate (and the
/// collector would later have to reclaim) a fresh large array at every doubling.
/// </summary>
public sealed class PooledList<T> : IDisposable where T : unmanaged
{
    private readonly ArrayPool<T> _pool;
    private T[] _items;

    /// <summary>Creates an empty list with room for <paramref name="capacity"/> items, renting from <paramref name="pool"/>
    /// (the shared pool when null).</summary>
    public PooledList(int capacity = 1024, ArrayPool<T>? pool = null)
    {
        _pool = pool ?? ArrayPool<T>.Shared;
        _items = _pool.Rent(Math.Max(16, capacity));
    }

    /// <summary>The number of items.</summary>
    public int Count { get; private set; }

    /// <summary>The items, in the order added.</summary>
    public Span<T> Span => _items.AsSpan(0, Count);

    /// <summary>Appends an item.</summary>
    public void Add(T item)
    {
        if (Count == _items.Length) Grow();
        _items[Count++] = item;
    }

    private void Grow()
    {
        var larger = _pool.Rent(checked(_items.Length * 2));
        _items.AsSpan(0, Count).CopyTo(larger);
        _pool.Return(_items);
        _items = larger;
    }

    /// <summary>Keeps the first <paramref name="count"/> items (at most <see cref="Count"/>) and drops the rest.</summary>
    public void Truncate(int count)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan((uint)count, (uint)Count, nameof(count));
        Count = count;
    }

    /// <summary>Returns the storage to the pool; the list must not be used afterwards.</summary>
    public void Dispose()
    {
        if (_items.Length == 0) return;
        _pool.Return(_items);
        _items = [];
        Count = 0;
    }
}
