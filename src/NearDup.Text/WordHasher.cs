using System.Runtime.CompilerServices;
using System.Text;

namespace NearDup.Text;

/// <summary>
/// Hashes one normalised word as the UTF-8 bytes of its code points, eight bytes at a time. Defined on bytes in
/// 8-byte little-endian blocks so that the vectorised ASCII path of <see cref="Tokenizer"/> (which folds and packs a
/// whole short word into two 64-bit lanes at once) and the code-point-at-a-time general path give the same hash.
/// </summary>
internal struct WordHasher
{
    private const ulong Seed = 0x9AE16A3B2F90404FUL;
    private const ulong Multiplier = 0x9E3779B97F4A7C15UL;

    private ulong _state;
    private ulong _block;
    private int _pending;
    private int _length;

    /// <summary>A hasher holding no bytes yet.</summary>
    public static WordHasher Create() => new() { _state = Seed };

    /// <summary>Adds one byte of the word's UTF-8 form.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void AddByte(uint value)
    {
        _block |= (ulong)value << (_pending << 3);
        _length++;
        if (++_pending == 8)
        {
            _state = Step(_state, _block);
            _block = 0;
            _pending = 0;
        }
    }

    /// <summary>Adds one code point, as its UTF-8 bytes.</summary>
    public void AddCodePoint(Rune codePoint)
    {
        Span<byte> utf8 = stackalloc byte[4];
        int length = codePoint.EncodeToUtf8(utf8);
        foreach (byte b in utf8[..length]) AddByte(b);
    }

    /// <summary>The word's hash.</summary>
    public readonly ulong Finish() => Finish(_pending > 0 ? Step(_state, _block) : _state, _length);

    /// <summary>The hash of a word of at most 16 bytes given as two zero-padded little-endian blocks.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong HashShort(ulong low, ulong high, int length)
    {
        ulong state = Step(Seed, low);
        if (length > 8) state = Step(state, high);
        return Finish(state, length);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong Step(ulong state, ulong block)
    {
        state = (state ^ block) * Multiplier;
        return state ^ (state >> 32);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong Finish(ulong state, int length) => Hashing.Mix64(state ^ (ulong)length);
}
