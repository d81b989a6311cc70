using System.Runtime.CompilerServices;

namespace NearDup.Synth;

/// <summary>
/// Word 5-gram sets for the truth metrics. Words follow the engine's tokenizer on this corpus: runs of letters
/// and digits, lower-cased, with apostrophes inside a word dropped ("Kalo’s" = "kalo's" = "kalos"); everything
/// else separates. A text of fewer than five words has one shingle of all its words. Sets hold 64-bit hashes
/// (sorted, distinct), so the metrics are exact up to hash collisions (none expected at these sizes).
/// </summary>
internal static class Shingler
{
    public const int K = 5;

    public static ulong[] Set(ReadOnlySpan<char> text, List<ulong> tokens)
    {
        tokens.Clear();
        int i = 0;
        while (i < text.Length)
        {
            if (!IsWordChar(text[i])) { i++; continue; }
            ulong h = 14695981039346656037UL;
            while (i < text.Length)
            {
                char c = text[i];
                if (IsWordChar(c))
                {
                    h = (h ^ Lower(c)) * 1099511628211UL;
                    i++;
                }
                else if (IsApostrophe(c) && i + 1 < text.Length && IsWordChar(text[i + 1])) i++;
                else break;
            }
            tokens.Add(Fmix(h));
        }
        int n = tokens.Count;
        if (n == 0) return [];
        int count = Math.Max(1, n - K + 1);
        int width = Math.Min(K, n);
        var set = new ulong[count];
        for (int s = 0; s < count; s++)
        {
            ulong h = (ulong)width;
            for (int j = 0; j < width; j++) h = (h ^ tokens[s + j]) * 0x9E3779B97F4A7C15UL + 0x632BE59BD9B4E019UL;
            set[s] = Fmix(h);
        }
        Array.Sort(set);
        int unique = 0;
        for (int s = 0; s < set.Length; s++)
            if (s == 0 || set[s] != set[s - 1]) set[unique++] = set[s];
        return unique == set.Length ? set : set[..unique];
    }

    /// <summary>Jaccard, share of A in B, share of B in A, and the shared count.</summary>
    public static (double Jaccard, double AInB, double BInA, int Shared) Compare(ulong[] a, ulong[] b)
    {
        int i = 0, j = 0, shared = 0;
        while (i < a.Length && j < b.Length)
        {
            if (a[i] == b[j]) { shared++; i++; j++; }
            else if (a[i] < b[j]) i++;
            else j++;
        }
        int union = a.Length + b.Length - shared;
        return (union == 0 ? 0 : (double)shared / union,
                a.Length == 0 ? 0 : (double)shared / a.Length,
                b.Length == 0 ? 0 : (double)shared / b.Length,
                shared);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool IsWordChar(char c) =>
        c < 0x80 ? (uint)((c | 0x20) - 'a') <= 'z' - 'a' || (uint)(c - '0') <= 9 : char.IsLetterOrDigit(c);

    private static bool IsApostrophe(char c) => c is '\'' or '\u2019' or '\u02BC' or '\u2018' or '\uFF07';

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static uint Lower(char c) => c < 0x80 ? ((uint)(c - 'A') <= 'Z' - 'A' ? (uint)c | 0x20 : c) : char.ToLowerInvariant(c);

    private static ulong Fmix(ulong h)
    {
        h ^= h >> 33;
        h *= 0xFF51AFD7ED558CCDUL;
        h ^= h >> 33;
        h *= 0xC4CEB9FE1A85EC53UL;
        return h ^ (h >> 33);
    }
}
