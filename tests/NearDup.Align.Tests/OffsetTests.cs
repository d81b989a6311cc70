using System.Text;

namespace NearDup.Align.Tests;

/// <summary>Random texts with planted copied passages, in scripts inside and outside the BMP.</summary>
public class OffsetTests
{
    private static readonly (int From, int To)[] Alphabets =
    [
        ('a', 'z'),                 // Latin
        (0x0430, 0x044F),           // Cyrillic
        (0x10330, 0x10349),         // Gothic: letters outside the BMP (surrogate pairs), one word token each
        (0x4E00, 0x4FFF),           // Han: one token per character
        (0x20000, 0x20FFF),         // Han extension B: one token per character, outside the BMP
        (0x0915, 0x0939),           // Devanagari consonants
    ];

    private static readonly string[] Separators = [" ", " ", " ", ", ", " 😀 ", " — ", "\n", " 🇵🇰 ", "“", " 𝄞 "];

    private static string Word(Random rng)
    {
        var (from, to) = Alphabets[rng.Next(Alphabets.Length)];
        int length = rng.Next(2, 8);
        var sb = new StringBuilder();
        for (int i = 0; i < length; i++) sb.Append(char.ConvertFromUtf32(rng.Next(from, to + 1)));
        return sb.ToString();
    }

    /// <summary>Words joined by random separators: starts and ends with a word.</summary>
    private static string Words(Random rng, int count)
    {
        var sb = new StringBuilder();
        for (int i = 0; i < count; i++)
        {
            if (i > 0) sb.Append(Separators[rng.Next(Separators.Length)]);
            sb.Append(Word(rng));
        }
        return sb.ToString();
    }

    private static string Join(Random rng, params string[] parts) =>
        string.Join("", parts.Select((p, i) => i == 0 ? p : Separators[rng.Next(Separators.Length)] + p));

    [Fact]
    public void Planted_passages_come_back_at_their_code_point_offsets_even_when_moved()
    {
        int withSurrogates = 0;
        for (int seed = 0; seed < 150; seed++)
        {
            var rng = new Random(seed);
            string p = Words(rng, rng.Next(15, 40));
            string q = Words(rng, rng.Next(15, 40));
            // A: … p … q …; B: … q … p … (q moved before p).
            string a = Join(rng, Words(rng, rng.Next(1, 60)), p, Words(rng, rng.Next(1, 60)), q, Words(rng, rng.Next(1, 60)));
            string b = Join(rng, Words(rng, rng.Next(1, 60)), q, Words(rng, rng.Next(1, 60)), p, Words(rng, rng.Next(1, 60)));
            if (a.Any(char.IsSurrogate)) withSurrogates++;

            var result = new PassageAligner().Align(a, b);
            Assert.True(result.Passages.Count == 2, $"seed {seed}: {result.Passages.Count} passages: " + string.Join(" | ", result.Passages.Select(AlignerTests.Describe)));
            var (first, second) = (result.Passages[0], result.Passages[1]);
            Assert.Equal(p, Py.Slice(a, first.AStart, first.AEnd));
            Assert.Equal(p, Py.Slice(b, first.BStart, first.BEnd));
            Assert.Equal(q, Py.Slice(a, second.AStart, second.AEnd));
            Assert.Equal(q, Py.Slice(b, second.BStart, second.BEnd));
            Assert.Equal(p, a[first.AStartUtf16..first.AEndUtf16]);
            Assert.Equal(q, b[second.BStartUtf16..second.BEndUtf16]);
            Assert.Empty(first.Edits);
            Assert.Empty(second.Edits);
        }
        Assert.True(withSurrogates > 100); // the offsets were really tested across surrogate pairs
    }

    [Fact]
    public void Edits_of_mutated_copies_point_at_their_texts_and_account_for_every_token()
    {
        for (int seed = 0; seed < 150; seed++)
        {
            var rng = new Random(1000 + seed);
            var words = Enumerable.Range(0, rng.Next(40, 120)).Select(_ => Word(rng)).ToList();
            string a = Join(rng, [.. words]);
            // B: the same words with a random edit every ~10 words.
            var mutated = new List<string>();
            foreach (string w in words)
            {
                switch (rng.Next(30))
                {
                    case 0: mutated.Add(Word(rng)); break;           // substitute
                    case 1: break;                                   // delete
                    case 2: mutated.Add(w); mutated.Add(Word(rng)); break; // insert
                    default: mutated.Add(w); break;
                }
            }
            string b = Join(rng, [.. Enumerable.Range(0, 5).Select(_ => Word(rng)), .. mutated]);

            var result = new PassageAligner().Align(a, b);
            AlignerTests.AssertDisjoint(result);
            Assert.NotEmpty(result.Passages);
            foreach (var passage in result.Passages)
            {
                string pa = Py.Slice(a, passage.AStart, passage.AEnd), pb = Py.Slice(b, passage.BStart, passage.BEnd);
                Assert.Equal(passage.ATokens, Tok.Count(pa));
                Assert.Equal(passage.BTokens, Tok.Count(pb));
                Assert.InRange(passage.Similarity, 0.5, 1.0);
                int editedA = 0, editedB = 0;
                foreach (var e in passage.Edits)
                {
                    Assert.Equal(e.AText, Py.Slice(a, e.AStart, e.AEnd));
                    Assert.Equal(e.BText, Py.Slice(b, e.BStart, e.BEnd));
                    Assert.InRange(e.AStart, passage.AStart, passage.AEnd);
                    Assert.InRange(e.AEnd, passage.AStart, passage.AEnd);
                    Assert.InRange(e.BStart, passage.BStart, passage.BEnd);
                    Assert.InRange(e.BEnd, passage.BStart, passage.BEnd);
                    Assert.Equal(e.Kind == EditKind.Insert, e.AText.Length == 0);
                    Assert.Equal(e.Kind == EditKind.Delete, e.BText.Length == 0);
                    editedA += Tok.Count(e.AText);
                    editedB += Tok.Count(e.BText);
                }
                // Every token is matched or in an edit, on each side.
                Assert.Equal(passage.ATokens, passage.MatchedTokens + editedA);
                Assert.Equal(passage.BTokens, passage.MatchedTokens + editedB);
            }
            // The copy is found nearly whole: edits are bridged rather than splitting it into scraps.
            Assert.True(result.CoverageA > 0.75, $"seed {seed}: coverage {result.CoverageA:F2}, {result.Passages.Count} passages\n{a}\n{b}\n" + string.Join("\n", result.Passages.Select(AlignerTests.Describe)));
        }
    }
}
