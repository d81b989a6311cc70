using System.Runtime.CompilerServices;

namespace NearDup.Text;

/// <summary>Small, fast, well-mixed 64-bit hashing primitives shared by tokens and shingles.</summary>
public static class Hashing
{
    /// <summary>
    /// MurmurHash3's 64-bit finaliser: a bijection that spreads every input bit over the output, used so that
    /// token and shingle hashes are uniform enough for MinHash, winnowing and bucketing.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong Mix64(ulong x)
    {
        x ^= x >> 33;
        x *= 0xff51afd7ed558ccdUL;
        x ^= x >> 33;
        x *= 0xc4ceb9fe1a85ec53UL;
        x ^= x >> 33;
        return x;
    }
}
