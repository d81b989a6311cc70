using System.Buffers;

namespace NearDup.Index;

/// <summary>
/// Array pools for one index build (a run's candidate stage), dropped with it. The build rents and returns hundreds of
/// megabytes of key, owner and pair arrays; the shared pool would keep every returned array for the rest of the run
/// (1,000,000 documents: 2.1 GB of live heap after the stage, of which some 1.4 GB were pooled arrays), while these pools
/// keep a few per size during the build and are then collected.
/// </summary>
public sealed class IndexBuildPools
{
    /// <summary>Creates pools that keep up to <paramref name="arraysPerSize"/> returned arrays of each size.</summary>
    public IndexBuildPools(int arraysPerSize)
    {
        UInt32 = ArrayPool<uint>.Create(MaxPooledLength, arraysPerSize);
        Int32 = ArrayPool<int>.Create(MaxPooledLength, arraysPerSize);
        UInt64 = ArrayPool<ulong>.Create(MaxPooledLength, arraysPerSize);
    }

    // Arrays up to a billion items are pooled (ArrayPool.Create's own limit); longer ones are allocated and dropped.
    private const int MaxPooledLength = 1 << 30;

    /// <summary>The pool of <see cref="uint"/> arrays (fingerprint and band keys).</summary>
    public ArrayPool<uint> UInt32 { get; }

    /// <summary>The pool of <see cref="int"/> arrays (document ordinals).</summary>
    public ArrayPool<int> Int32 { get; }

    /// <summary>The pool of <see cref="ulong"/> arrays (pair keys).</summary>
    public ArrayPool<ulong> UInt64 { get; }
}
