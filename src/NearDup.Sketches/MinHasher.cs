using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace NearDup.Sketches;

/// <summary>
/// Computes MinHash signatures of sets of 64-bit shingle hashes. Permutation <c>i</c> maps a shingle's folded
/// 32-bit hash <c>x</c> to <c>p_i(x) = xorshift(a_i·x + b_i mod 2^32)</c>: an odd multiplier makes the affine map
/// a bijection of the 32-bit universe and the xorshift breaks its linearity, so every <c>p_i</c> is a true
/// permutation. All lanes run the same arithmetic (Vector512, then Vector256, then scalar), so signatures are
/// bit-identical on every machine and can be stored.
/// </summary>
/// <remarks>
/// The sketch carries its seed and permutation count; comparing sketches made with different ones is refused.
/// Cost is O(n·k) with 16 (AVX-512) or 8 (AVX2) permutations per instruction: see bench/NearDup.Benchmarks.
/// </remarks>
public sealed class MinHasher
{
    private readonly uint[] _multipliers;
    private readonly uint[] _addends;

    /// <summary>Creates a hasher with <paramref name="permutations"/> permutations (a multiple of 16) drawn from <paramref name="seed"/>.</summary>
    public MinHasher(int permutations = 128, ulong seed = 1)
    {
        if (permutations <= 0 || permutations % 16 != 0)
            throw new ArgumentOutOfRangeException(nameof(permutations), permutations, "The permutation count must be a positive multiple of 16.");
        Permutations = permutations;
        Seed = seed;
        _multipliers = new uint[permutations];
        _addends = new uint[permutations];
        ulong state = seed;
        for (int i = 0; i < permutations; i++)
        {
            _multipliers[i] = (uint)SplitMix64(ref state) | 1u;
            _addends[i] = (uint)SplitMix64(ref state);
        }
    }

    /// <summary>The number of permutations, which is the signature length.</summary>
    public int Permutations { get; }

    /// <summary>The seed the permutations were drawn from.</summary>
    public ulong Seed { get; }

    /// <summary>Folds a 64-bit shingle hash into the 32-bit universe the permutations act on.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static uint Fold(ulong shingleHash) => (uint)(shingleHash ^ (shingleHash >> 32));

    /// <summary>Writes the signature of <paramref name="shingleHashes"/> into <paramref name="signature"/>
    /// (length <see cref="Permutations"/>). An empty set gives all <see cref="uint.MaxValue"/>.</summary>
    [SkipLocalsInit]
    public void Compute(ReadOnlySpan<ulong> shingleHashes, Span<uint> signature)
    {
        if (signature.Length != Permutations)
            throw new ArgumentException($"The signature span must hold {Permutations} values.", nameof(signature));
        signature.Fill(uint.MaxValue);
        if (Vector512.IsHardwareAccelerated) ComputeVector512(shingleHashes, signature);
        else if (Vector256.IsHardwareAccelerated) ComputeVector256(shingleHashes, signature);
        else ComputeScalar(shingleHashes, signature);
    }

    /// <summary>Allocates and returns the signature of <paramref name="shingleHashes"/>.</summary>
    public MinHashSignature Compute(ReadOnlySpan<ulong> shingleHashes)
    {
        var values = new uint[Permutations];
        Compute(shingleHashes, values);
        return new MinHashSignature(values, Seed);
    }

    internal void ComputeScalar(ReadOnlySpan<ulong> shingleHashes, Span<uint> signature)
    {
        foreach (ulong hash in shingleHashes)
        {
            uint x = Fold(hash);
            for (int i = 0; i < signature.Length; i++)
            {
                uint v = _multipliers[i] * x + _addends[i];
                v ^= v >> 15;
                if (v < signature[i]) signature[i] = v;
            }
        }
    }

    private void ComputeVector256(ReadOnlySpan<ulong> shingleHashes, Span<uint> signature)
    {
        int lanes = Vector256<uint>.Count;
        int blocks = Permutations / lanes;
        // Keep the running minima in registers for a block of permutations while streaming all shingles:
        // the shingles are few kilobytes and stay in L1, the minima never touch memory inside the loop.
        for (int block = 0; block < blocks; block += 2)
        {
            int offset = block * lanes;
            var a0 = Vector256.Create<uint>(_multipliers.AsSpan(offset, lanes));
            var b0 = Vector256.Create<uint>(_addends.AsSpan(offset, lanes));
            var a1 = Vector256.Create<uint>(_multipliers.AsSpan(offset + lanes, lanes));
            var b1 = Vector256.Create<uint>(_addends.AsSpan(offset + lanes, lanes));
            var min0 = Vector256<uint>.AllBitsSet;
            var min1 = Vector256<uint>.AllBitsSet;
            foreach (ulong hash in shingleHashes)
            {
                var x = Vector256.Create(Fold(hash));
                var v0 = a0 * x + b0;
                var v1 = a1 * x + b1;
                v0 ^= Vector256.ShiftRightLogical(v0, 15);
                v1 ^= Vector256.ShiftRightLogical(v1, 15);
                min0 = Vector256.Min(min0, v0);
                min1 = Vector256.Min(min1, v1);
            }
            min0.CopyTo(signature.Slice(offset, lanes));
            min1.CopyTo(signature.Slice(offset + lanes, lanes));
        }
    }

    private void ComputeVector512(ReadOnlySpan<ulong> shingleHashes, Span<uint> signature)
    {
        int lanes = Vector512<uint>.Count;
        int blocks = Permutations / lanes;
        int block = 0;
        for (; block + 1 < blocks; block += 2)
        {
            int offset = block * lanes;
            var a0 = Vector512.Create<uint>(_multipliers.AsSpan(offset, lanes));
            var b0 = Vector512.Create<uint>(_addends.AsSpan(offset, lanes));
            var a1 = Vector512.Create<uint>(_multipliers.AsSpan(offset + lanes, lanes));
            var b1 = Vector512.Create<uint>(_addends.AsSpan(offset + lanes, lanes));
            var min0 = Vector512<uint>.AllBitsSet;
            var min1 = Vector512<uint>.AllBitsSet;
            foreach (ulong hash in shingleHashes)
            {
                var x = Vector512.Create(Fold(hash));
                var v0 = a0 * x + b0;
                var v1 = a1 * x + b1;
                v0 ^= Vector512.ShiftRightLogical(v0, 15);
                v1 ^= Vector512.ShiftRightLogical(v1, 15);
                min0 = Vector512.Min(min0, v0);
                min1 = Vector512.Min(min1, v1);
            }
            min0.CopyTo(signature.Slice(offset, lanes));
            min1.CopyTo(signature.Slice(offset + lanes, lanes));
        }
        for (; block < blocks; block++)
        {
            int offset = block * lanes;
            var a = Vector512.Create<uint>(_multipliers.AsSpan(offset, lanes));
            var b = Vector512.Create<uint>(_addends.AsSpan(offset, lanes));
            var min = Vector512<uint>.AllBitsSet;
            foreach (ulong hash in shingleHashes)
            {
                var v = a * Vector512.Create(Fold(hash)) + b;
                v ^= Vector512.ShiftRightLogical(v, 15);
                min = Vector512.Min(min, v);
            }
            min.CopyTo(signature.Slice(offset, lanes));
        }
    }

    private static ulong SplitMix64(ref ulong state)
    {
        ulong z = state += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
