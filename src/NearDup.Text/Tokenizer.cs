using System.Buffers;
using System.Globalization;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Text;

namespace NearDup.Text;

/// <summary>
/// Splits text into tokens, keeping each token's UTF-16 range in the original text, and hashes each token's
/// normalised form: NFKC, lower case, apostrophes dropped inside words, Arabic-script letter variants and
/// optional harakat folded. Words are runs of letters, marks and digits; hyphens, dashes, quotes and other
/// punctuation separate them. Scripts written without spaces (Han, Hiragana, Katakana, Thai, Lao, Khmer,
/// Myanmar) give one token per character, so their shingles are character n-grams.
/// </summary>
/// <remarks>No allocation per token: an ASCII word of up to 15 letters is classified, folded and hashed 16
/// characters at a time with 128-bit vectors; longer ASCII words are folded inline; a non-ASCII word is normalised
/// into a stack or pooled buffer only when it is not already in NFKC. Every path hashes the same normalised word
/// to the same value (<see cref="WordHasher"/>).</remarks>
public static class Tokenizer
{
    private const int StackNormaliseLimit = 256;
    private const int VectorWordChars = 16;

    /// <summary>Tokenises <paramref name="text"/> into <paramref name="output"/> (which is cleared first).</summary>
    public static void Tokenize(ReadOnlySpan<char> text, TokenizerOptions options, TokenList output) =>
        Tokenize(text, options, output, Vector128.IsHardwareAccelerated);

    /// <summary>As <see cref="Tokenize(ReadOnlySpan{char}, TokenizerOptions, TokenList)"/>; <paramref name="vectorised"/>
    /// false forces the scalar paths, so tests can check both give the same tokens.</summary>
    internal static void Tokenize(ReadOnlySpan<char> text, TokenizerOptions options, TokenList output, bool vectorised)
    {
        output.Clear();
        int stemPrefix = options.StemPrefix > 0 ? options.StemPrefix : int.MaxValue;
        bool characters = options.Unit == TokenUnit.Characters;
        int i = 0;
        while (i < text.Length)
        {
            char c = text[i];
            if (c < 0x80)
            {
                if (!IsAsciiWordChar(c)) { i++; continue; }
            }
            else
            {
                Rune.DecodeFromUtf16(text[i..], out Rune r, out int n);
                var kind = Classify(r);
                if (kind == CharKind.Separator) { i += n; continue; }
                if (kind == CharKind.Mark)
                {
                    // A mark with no base (or after a separator) carries no text of its own.
                    i += n; continue;
                }
                if (kind == CharKind.Isolated || characters)
                {
                    int end = ExtendMarks(text, i + n);
                    output.Add(new Token(i, end - i, HashWord(text[i..end], int.MaxValue)));
                    i = end;
                    continue;
                }
            }

            if (!characters && c < 0x80 && vectorised && text.Length - i >= VectorWordChars
                && TryShortAsciiWord(text, i, stemPrefix, out int shortEnd, out ulong shortHash, out int next))
            {
                output.Add(new Token(i, shortEnd - i, shortHash));
                i = next;
                continue;
            }

            if (!characters && c < 0x80 && TryAsciiWord(text, i, stemPrefix, out int asciiEnd, out ulong asciiHash))
            {
                output.Add(new Token(i, asciiEnd - i, asciiHash));
                i = asciiEnd;
                continue;
            }

            if (characters)
            {
                int endChar = ExtendMarks(text, i + 1);
                output.Add(new Token(i, endChar - i, HashWord(text[i..endChar], int.MaxValue)));
                i = endChar;
                continue;
            }

            int start = i;
            int wordEnd = ScanWord(text, i);
            output.Add(new Token(start, wordEnd - start, HashWord(text[start..wordEnd], stemPrefix)));
            i = wordEnd;
        }
    }

    /// <summary>
    /// The fast path for a word made of ASCII letters, digits and inner straight apostrophes (most words of most
    /// news): scans and hashes in one pass. Returns false, having decided nothing, when the word runs into a
    /// non-ASCII character, so the general path handles it; both give the same token and hash.
    /// </summary>
    private static bool TryAsciiWord(ReadOnlySpan<char> text, int start, int stemPrefix, out int end, out ulong hash)
    {
        var h = WordHasher.Create();
        int taken = 0;
        int i = start;
        while (i < text.Length)
        {
            char c = text[i];
            if (c >= 0x80) { end = 0; hash = 0; return false; }
            if (IsAsciiWordChar(c))
            {
                if (taken++ < stemPrefix) h.AddByte(FoldAsciiCase(c));
                i++;
                continue;
            }
            if (c == '\'' && i + 1 < text.Length)
            {
                char next = text[i + 1];
                if (next >= 0x80) { end = 0; hash = 0; return false; }
                if (IsAsciiWordChar(next)) { i++; continue; }
            }
            break;
        }
        end = i;
        hash = h.Finish();
        return true;
    }

    /// <summary>
    /// The vectorised path for the commonest token, an ASCII word of letters and digits shorter than 16 characters
    /// followed by an ASCII non-word character other than an apostrophe: classifies 16 characters at once, finds the
    /// word's end from the mask, and folds and hashes it as two 64-bit blocks. Returns false (deciding nothing) for
    /// anything else, which the scalar paths handle. Needs 16 characters from <paramref name="start"/>.
    /// </summary>
    /// <remarks><paramref name="next"/> is where tokenising resumes: past the ASCII separators that follow the word
    /// within the same 16 characters (the scalar loop would skip them one by one), stopping at the next word
    /// character, at the first non-ASCII character, or at the end of the 16.</remarks>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool TryShortAsciiWord(ReadOnlySpan<char> text, int start, int stemPrefix, out int end, out ulong hash, out int next)
    {
        ref ushort first = ref Unsafe.As<char, ushort>(ref Unsafe.Add(ref MemoryMarshal.GetReference(text), start));
        var low = Vector128.LoadUnsafe(ref first);
        var high = Vector128.LoadUnsafe(ref first, 8);
        // Characters past U+00FF become 0xFF and U+0080..U+00FF stay themselves: none of them is an ASCII letter or
        // digit, so they end the word, and the end check below sends such a word to the scalar path.
        var limit = Vector128.Create((ushort)0xFF);
        var bytes = Vector128.Narrow(Vector128.Min(low, limit), Vector128.Min(high, limit));
        var isLetter = Vector128.LessThanOrEqual((bytes | Vector128.Create((byte)0x20)) - Vector128.Create((byte)'a'), Vector128.Create((byte)('z' - 'a')));
        var isDigit = Vector128.LessThanOrEqual(bytes - Vector128.Create((byte)'0'), Vector128.Create((byte)9));
        uint wordMask = (isLetter | isDigit).ExtractMostSignificantBits();
        int length = BitOperations.TrailingZeroCount(~wordMask); // at least 1: text[start] is a word character
        if (length >= VectorWordChars) { end = 0; hash = 0; next = 0; return false; }
        char following = text[start + length];
        if (following >= 0x80 || following == '\'') { end = 0; hash = 0; next = 0; return false; }

        // Bytes at or above 0x80 are non-ASCII characters (narrowing kept U+0080..U+00FF and made the rest 0xFF).
        uint nonAscii = bytes.ExtractMostSignificantBits();
        uint stops = (wordMask | nonAscii) >> length; // the word's own bits shifted out; at least the separator after it is clear
        next = start + length + Math.Min(BitOperations.TrailingZeroCount(stops), VectorWordChars - length);

        int hashed = Math.Min(length, stemPrefix);
        var folded = bytes | (isLetter & Vector128.Create((byte)0x20));
        folded &= Vector128.LessThan(Vector128<byte>.Indices, Vector128.Create((byte)hashed));
        var blocks = folded.AsUInt64();
        end = start + length;
        hash = WordHasher.HashShort(blocks.GetElement(0), blocks.GetElement(1), hashed);
        return true;
    }

    /// <summary>Returns the end of the word starting at <paramref name="start"/>: letters, marks, digits, and
    /// apostrophes that have word characters on both sides.</summary>
    private static int ScanWord(ReadOnlySpan<char> text, int start)
    {
        int i = start;
        while (i < text.Length)
        {
            char c = text[i];
            if (c < 0x80)
            {
                if (IsAsciiWordChar(c)) { i++; continue; }
                if (c == '\'' && IsWordCharAt(text, i + 1)) { i++; continue; }
                break;
            }
            if (IsApostrophe(c) && IsWordCharAt(text, i + 1)) { i++; continue; }
            Rune.DecodeFromUtf16(text[i..], out Rune r, out int n);
            var kind = Classify(r);
            if (kind is CharKind.Word or CharKind.Mark) { i += n; continue; }
            break;
        }
        return i;
    }

    private static bool IsWordCharAt(ReadOnlySpan<char> text, int i)
    {
        if (i >= text.Length) return false;
        char c = text[i];
        if (c < 0x80) return IsAsciiWordChar(c);
        Rune.DecodeFromUtf16(text[i..], out Rune r, out _);
        return Classify(r) == CharKind.Word;
    }

    private static int ExtendMarks(ReadOnlySpan<char> text, int i)
    {
        while (i < text.Length && text[i] >= 0x80)
        {
            Rune.DecodeFromUtf16(text[i..], out Rune r, out int n);
            if (Classify(r) != CharKind.Mark) break;
            i += n;
        }
        return i;
    }

    /// <summary>An ASCII character lower-cased (A-Z to a-z), as the scalar paths hash it.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static uint FoldAsciiCase(char c) => (uint)(c - 'A') <= 'Z' - 'A' ? (uint)(c | 0x20) : c;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool IsAsciiWordChar(char c) => (uint)((c | 0x20) - 'a') <= 'z' - 'a' || (uint)(c - '0') <= 9;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool IsApostrophe(char c) => c is '\'' or '\u2019' or '\u02BC' or '\u2018' or '\uFF07';

    private enum CharKind : byte { Separator, Word, Mark, Isolated }

    private static CharKind Classify(Rune r)
    {
        int cp = r.Value;
        if (IsNoSpaceScript(cp)) return CharKind.Isolated;
        switch (Rune.GetUnicodeCategory(r))
        {
            case UnicodeCategory.UppercaseLetter:
            case UnicodeCategory.LowercaseLetter:
            case UnicodeCategory.TitlecaseLetter:
            case UnicodeCategory.ModifierLetter:
            case UnicodeCategory.OtherLetter:
            case UnicodeCategory.DecimalDigitNumber:
            case UnicodeCategory.LetterNumber:
            case UnicodeCategory.OtherNumber:
                return CharKind.Word;
            case UnicodeCategory.NonSpacingMark:
            case UnicodeCategory.SpacingCombiningMark:
            case UnicodeCategory.EnclosingMark:
                return CharKind.Mark;
            case UnicodeCategory.Format:
                // Zero-width joiners live inside words of Indic and Arabic-script text.
                return cp is 0x200C or 0x200D ? CharKind.Mark : CharKind.Separator;
            default:
                return CharKind.Separator;
        }
    }

    /// <summary>Scripts written without spaces between words: each character is a token.</summary>
    private static bool IsNoSpaceScript(int cp) =>
        (cp >= 0x4E00 && cp <= 0x9FFF) || (cp >= 0x3400 && cp <= 0x4DBF) || (cp >= 0x20000 && cp <= 0x3FFFF)
        || (cp >= 0xF900 && cp <= 0xFAFF) || (cp >= 0x3040 && cp <= 0x30FF) || (cp >= 0x31F0 && cp <= 0x31FF)
        || (cp >= 0xFF66 && cp <= 0xFF9F) || (cp >= 0x0E00 && cp <= 0x0EFF) || (cp >= 0x1780 && cp <= 0x17FF)
        || (cp >= 0x1000 && cp <= 0x109F);

    /// <summary>Hashes the normalised form of one token, at most <paramref name="stemPrefix"/> code points of it.</summary>
    private static ulong HashWord(ReadOnlySpan<char> word, int stemPrefix)
    {
        var h = WordHasher.Create();
        int taken = 0;
        bool ascii = true;
        foreach (char c in word)
        {
            // Curly apostrophes are common inside English words ("Pakistan’s") and are dropped anyway: keep the fast path.
            if (c >= 0x80 && !IsApostrophe(c)) { ascii = false; break; }
        }
        if (ascii)
        {
            foreach (char c in word)
            {
                if (IsApostrophe(c)) continue;
                if (taken++ == stemPrefix) break;
                h.AddByte(FoldAsciiCase(c));
            }
            return h.Finish();
        }

        if (word.IsNormalized(NormalizationForm.FormKC)) return HashFolded(word, stemPrefix);
        int length = word.GetNormalizedLength(NormalizationForm.FormKC);
        char[]? rented = null;
        Span<char> buffer = length <= StackNormaliseLimit ? stackalloc char[StackNormaliseLimit] : (rented = ArrayPool<char>.Shared.Rent(length));
        word.TryNormalize(buffer, out int written, NormalizationForm.FormKC);
        ulong result = HashFolded(buffer[..written], stemPrefix);
        if (rented is not null) ArrayPool<char>.Shared.Return(rented);
        return result;
    }

    private static ulong HashFolded(ReadOnlySpan<char> normalised, int stemPrefix)
    {
        var h = WordHasher.Create();
        int taken = 0;
        foreach (Rune r in normalised.EnumerateRunes())
        {
            int cp = FoldCodePoint(r);
            if (cp < 0) continue;
            if (taken++ == stemPrefix) break;
            h.AddCodePoint(new Rune(cp));
        }
        return h.Finish();
    }

    /// <summary>Folds a code point of a normalised word; returns -1 for code points that carry no identity
    /// (apostrophes, Arabic harakat and tatweel, zero-width joiners).</summary>
    private static int FoldCodePoint(Rune r)
    {
        int cp = r.Value;
        switch (cp)
        {
            case '\'': case 0x2019: case 0x02BC: case 0x2018: case 0x200C: case 0x200D: case 0x0640:
                return -1;
            case 0x064A: case 0x0649: return 0x06CC; // Arabic yeh / alef maksura → Farsi (Urdu) yeh
            case 0x0643: return 0x06A9;             // Arabic kaf → keheh
            case 0x0647: return 0x06C1;             // Arabic heh → heh goal (Urdu)
            case 0x03C2: return 0x03C3;             // Greek final sigma → sigma
        }
        if ((cp >= 0x064B && cp <= 0x065F) || cp == 0x0670) return -1; // Arabic harakat are optional in writing
        return Rune.ToLowerInvariant(r).Value;
    }
}
