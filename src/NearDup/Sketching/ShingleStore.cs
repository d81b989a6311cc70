using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;
using NearDup.Output;

namespace NearDup.Sketching;

/// <summary>
/// Where the per-position shingle hashes of every document live between sketching and verification. They are
/// the bulk of a run's data (4 bytes per word), and only the documents in candidate pairs are read back, so a
/// large run keeps them in a temporary file (the OS page cache holds what is hot) instead of on the heap.
/// </summary>
public interface IShingleStore : IDisposable
{
    /// <summary>Stores <paramref name="shingles"/> and returns the handle to read them back with. Thread-safe.</summary>
    long Append(ReadOnlySpan<uint> shingles);

    /// <summary>Reads back the shingles stored at <paramref name="offset"/> into <paramref name="destination"/> (its length is the count). Thread-safe.</summary>
    void Read(long offset, Span<uint> destination);
}

/// <summary>Shingles on the managed heap, in large chunks (for small runs and tests).</summary>
public sealed class InMemoryShingleStore : IShingleStore
{
    private const int ChunkBits = 22; // 4 Mi values (16 MiB) per chunk
    private const int ChunkSize = 1 << ChunkBits;
    private readonly List<uint[]> _chunks = [];
    private readonly Lock _gate = new();
    private long _length;

    /// <inheritdoc />
    public long Append(ReadOnlySpan<uint> shingles)
    {
        lock (_gate)
        {
            long offset = _length;
            var remaining = shingles;
            while (!remaining.IsEmpty)
            {
                int chunk = (int)(_length >> ChunkBits), within = (int)(_length & (ChunkSize - 1));
                if (chunk == _chunks.Count) _chunks.Add(new uint[ChunkSize]);
                int take = Math.Min(remaining.Length, ChunkSize - within);
                remaining[..take].CopyTo(_chunks[chunk].AsSpan(within));
                remaining = remaining[take..];
                _length += take;
            }
            return offset;
        }
    }

    /// <inheritdoc />
    public void Read(long offset, Span<uint> destination)
    {
        while (!destination.IsEmpty)
        {
            int chunk = (int)(offset >> ChunkBits), within = (int)(offset & (ChunkSize - 1));
            int take = Math.Min(destination.Length, ChunkSize - within);
            _chunks[chunk].AsSpan(within, take).CopyTo(destination);
            destination = destination[take..];
            offset += take;
        }
    }

    /// <summary>Empties the store for reuse (handles given out before are no longer valid).</summary>
    public void Clear()
    {
        lock (_gate)
        {
            _chunks.Clear();
            _length = 0;
        }
    }

    /// <inheritdoc />
    public void Dispose() => Clear();
}

/// <summary>Shingles in a <see cref="SpillFile"/>: gone when the store is disposed or the process ends, however it ends.</summary>
public sealed class FileShingleStore : IShingleStore
{
    private readonly SafeFileHandle _handle;
    private readonly Lock _gate = new();
    private long _length;

    /// <summary>Creates the spill file in <paramref name="directory"/>.</summary>
    public FileShingleStore(string directory) => _handle = SpillFile.Create(directory, "shingles");

    /// <inheritdoc />
    public long Append(ReadOnlySpan<uint> shingles)
    {
        var bytes = MemoryMarshal.AsBytes(shingles);
        lock (_gate)
        {
            long offset = _length;
            RandomAccess.Write(_handle, bytes, offset * sizeof(uint));
            _length += shingles.Length;
            return offset;
        }
    }

    /// <inheritdoc />
    public void Read(long offset, Span<uint> destination)
    {
        var bytes = MemoryMarshal.AsBytes(destination);
        long position = offset * sizeof(uint);
        while (!bytes.IsEmpty)
        {
            int read = RandomAccess.Read(_handle, bytes, position);
            if (read <= 0) throw new IOException("The shingle spill file ended early.");
            bytes = bytes[read..];
            position += read;
        }
    }

    /// <inheritdoc />
    public void Dispose() => _handle.Dispose();
}
