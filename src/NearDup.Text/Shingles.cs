using System.Runtime.CompilerServices;

namespace NearDup.Text;

/// <summary>
/// Shingles: hashes of <c>k</c> consecutive tokens. Shingle <c>i</c> covers tokens <c>i .. i+k-1</c>,
/// so its position maps back to the text through the token list.
/// </summary>
public static class Shingles
{
    // An odd 64-bit multiplier for the polynomial that combines token hashes in order.
    private const ulong Multiplier = 0x9E3779B97F4A7C15UL;

    /// <summary>The number of shingles of size <paramref name="k"/> over <paramref name="tokenCount"/> tokens:
    /// a text shorter than one shingle still gets one shingle of all its tokens, so short texts are comparable.</summary>
    public static int Count(int tokenCount, int k) => tokenCount == 0 ? 0 : Math.Max(1, tokenCount - k + 1);

    /// <summary>Writes the shingle hashes of <paramref name="tokens"/> into <paramref name="destination"/>
    /// (which must hold <see cref="Count"/> values) with a rolling polynomial: O(1) per shingle.</summary>
    public static int Compute(ReadOnlySpan<Token> tokens, int k, Span<ulong> destination)
    {
        int n = Count(tokens.Length, k);
        if (n == 0) return 0;
        int width = Math.Min(k, tokens.Length);
        ulong power = 1; // Multiplier^(width-1)
        for (int j = 1; j < width; j++) power *= Multiplier;
        ulong rolling = 0;
        for (int j = 0; j < width; j++) rolling = rolling * Multiplier + tokens[j].Hash;
        destination[0] = Finish(rolling, width);
        for (int i = 1; i < n; i++)
        {
            rolling = (rolling - tokens[i - 1].Hash * power) * Multiplier + tokens[i + width - 1].Hash;
            destination[i] = Finish(rolling, width);
        }
        return n;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong Finish(ulong rolling, int width) => Hashing.Mix64(rolling ^ (ulong)width);
}
