using Xunit.Abstractions;

namespace NearDup.Align.Tests;

/// <summary>
/// The real example pair in ../shared/examples: 001 opens with four paragraphs of its own (the SCO meeting in
/// Tajikistan), then reprints eight paragraphs of 000 with small edits; 000 has a photo caption, "Short Url",
/// bullets and closing paragraphs of its own.
/// </summary>
public class ExamplePairTests(ITestOutputHelper output)
{
    private const string File000 = "examples/000_516bbe01d6261196.txt";
    private const string File001 = "examples/001_f6d1ff49064b0f58.txt";

    private static (string A, string B) Load() =>
        (File.ReadAllText(TestPaths.SharedFile(File000)), File.ReadAllText(TestPaths.SharedFile(File001)));

    private Alignment AlignAndPrint(string a, string b)
    {
        var result = new PassageAligner().Align(a, b);
        output.WriteLine($"{result.Passages.Count} passage(s); coverage A {result.CoverageA:P1} of {result.TokensA} tokens, B {result.CoverageB:P1} of {result.TokensB}");
        foreach (var p in result.Passages)
        {
            output.WriteLine($"--- A[{p.AStart},{p.AEnd}) B[{p.BStart},{p.BEnd}) tokens {p.ATokens}/{p.BTokens}, matched {p.MatchedTokens}, similarity {p.Similarity:F3}");
            output.WriteLine("A: " + Py.Slice(a, p.AStart, p.AEnd));
            output.WriteLine("B: " + Py.Slice(b, p.BStart, p.BEnd));
            foreach (var e in p.Edits) output.WriteLine($"  {e.Kind,-10} A[{e.AStart},{e.AEnd}) B[{e.BStart},{e.BEnd}) {e}");
        }
        return result;
    }

    /// <summary>Share of the code points of [start, end) that lie inside a passage (on side A or B).</summary>
    private static double Covered(IReadOnlyList<Passage> passages, int start, int end, bool sideA)
    {
        int covered = 0;
        for (int i = start; i < end; i++)
            if (passages.Any(p => sideA ? p.AStart <= i && i < p.AEnd : p.BStart <= i && i < p.BEnd)) covered++;
        return (double)covered / (end - start);
    }

    private static bool Touches(IReadOnlyList<Passage> passages, int start, int end, bool sideA) =>
        passages.Any(p => sideA ? p.AStart < end && start < p.AEnd : p.BStart < end && start < p.BEnd);

    /// <summary>Code point range of the whole line (paragraph) of <paramref name="text"/> containing <paramref name="probe"/>.</summary>
    private static (int Start, int End) Line(string text, string probe)
    {
        int i = text.IndexOf(probe, StringComparison.Ordinal);
        Assert.True(i >= 0, probe);
        int start = text.LastIndexOf('\n', i) + 1;
        int end = text.IndexOf('\n', i);
        if (end < 0) end = text.Length;
        return (Py.CodePointOffset(text, start), Py.CodePointOffset(text, end));
    }

    [SharedDataFact(File000, File001)]
    public void The_eight_reprinted_paragraphs_are_one_stretch_with_the_edits_inside()
    {
        var (a, b) = Load();
        var result = AlignAndPrint(a, b);
        var passages = result.Passages;
        Assert.InRange(passages.Count, 1, 3);
        AlignerTests.AssertDisjoint(result);

        // The shared stretch: 000's "ISLAMABAD: Pakistan’s Foreign Minister…" paragraph through "…of all stakeholders.";
        // 001 rewrote its opening ("Meanwhile, Foreign Minister Qureshi has invited…"), so the stretch starts there.
        int aFrom = Py.Find(a, "Foreign Minister Shah Mahmood Qureshi has invited"), aTo = Py.Find(a, "stakeholders.") + "stakeholders".Length;
        int bFrom = Py.Find(b, "Foreign Minister Qureshi has invited"), bTo = Py.Find(b, "stakeholders.") + "stakeholders".Length;
        Assert.True(Covered(passages, aFrom, aTo, sideA: true) > 0.98, "000's reprinted paragraphs are not covered");
        Assert.True(Covered(passages, bFrom, bTo, sideA: false) > 0.98, "001's reprinted paragraphs are not covered");
        // Each of the eight paragraphs of 000 is (almost) wholly inside passages.
        foreach (string probe in new[]
                 {
                     "has invited his Afghan counterpart", "He [Qureshi] invited", "In recent weeks", "The group said on Friday",
                     "On Saturday, Qureshi said", "ready to cooperate for facilitation", "It follows a phone call", "The Foreign Minister stressed",
                 })
        {
            var (start, end) = Line(a, probe);
            double share = Covered(passages, start, end, sideA: true);
            Assert.True(share > (probe == "has invited his Afghan counterpart" ? 0.85 : 0.97), $"paragraph '{probe}…' is {share:P0} covered");
        }

        // Nothing of 001's own opening (the SCO visit to Tajikistan), nor of 000's headline, caption, "Short Url", bullets or closing.
        foreach (string probe in new[] { "has left for Tajikistan", "During his three-day visit", "On the sidelines of the meeting", "will also meet President of Tajikistan" })
        {
            var (start, end) = Line(b, probe);
            Assert.False(Touches(passages, start, end, sideA: false), $"001's paragraph '{probe}…' is inside a passage");
        }
        foreach (string probe in new[]
                 {
                     "Pakistani foreign minister invites Afghan counterpart", "In this file photo", "Short Url", "‘Negotiated settlement’ best option",
                     "Military says Pakistan a facilitator", "Meanwhile, the Pakistani military said", "Afghan peace process has many aspects",
                     "could not exceed beyond limits", "In the past, Pakistan had facilitated", "The US and the Kabul government",
                     "US-led troops began withdrawing", "US President Joe Biden",
                 })
        {
            var (start, end) = Line(a, probe);
            Assert.False(Touches(passages, start, end, sideA: true), $"000's line '{probe}…' is inside a passage");
        }

        // The small edits are substitutions inside the passages, not breaks between them.
        var edits = passages.SelectMany(p => p.Edits).ToList();
        foreach (var (from, to) in new[] { ("wished", "wishes"), ("withdraw", "withdrew"), ("emphasized", "emphasised"), ("was", "is") })
            Assert.Contains(edits, e => e.Kind == EditKind.Substitute && e.AText == from && e.BText == to);
        // "Mahmood"/"Mehmood": 001 spells it "Mehmood" only in its own opening, which 000 does not share; if a passage
        // ever pairs the two spellings, it must be as a substitution.
        foreach (var p in passages)
        {
            bool both = Py.Slice(a, p.AStart, p.AEnd).Contains("Mahmood") && Py.Slice(b, p.BStart, p.BEnd).Contains("Mehmood");
            if (both) Assert.Contains(p.Edits, e => e.Kind == EditKind.Substitute && e.AText.Contains("Mahmood") && e.BText.Contains("Mehmood"));
        }
        // Every edit lies inside its passage and quotes the text at its offsets.
        foreach (var p in passages)
        {
            foreach (var e in p.Edits)
            {
                Assert.InRange(e.AStart, p.AStart, p.AEnd);
                Assert.InRange(e.BEnd, p.BStart, p.BEnd);
                Assert.Equal(e.AText, Py.Slice(a, e.AStart, e.AEnd));
                Assert.Equal(e.BText, Py.Slice(b, e.BStart, e.BEnd));
            }
        }
        Assert.True(passages.Sum(p => p.MatchedTokens) >= 250);
    }

    [SharedDataFact(File000, File001)]
    public void Aligning_the_other_way_round_mirrors_the_passages()
    {
        var (a, b) = Load();
        var forward = new PassageAligner().Align(a, b);
        var backward = AlignAndPrint(b, a);
        Assert.Equal(
            forward.Passages.Select(p => (p.AStart, p.AEnd, p.BStart, p.BEnd, p.MatchedTokens)),
            backward.Passages.OrderBy(p => p.BStart).Select(p => (p.BStart, p.BEnd, p.AStart, p.AEnd, p.MatchedTokens)));
        Assert.Equal(forward.CoverageA, backward.CoverageB, 9);
    }
}
