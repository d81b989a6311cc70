using NearDup.Text;
using static NearDup.Align.Tests.Fixtures;

namespace NearDup.Align.Tests;

public class AlignerTests
{
    private static readonly PassageAligner Aligner = new();

    private static Alignment Align(string a, string b, Func<ulong, bool>? furniture = null) => new PassageAligner().Align(a, b, furniture);

    [Fact]
    public void An_identical_paragraph_is_one_passage_with_no_edits()
    {
        string a = Harbour + "\n\n" + Orchestra;
        string b = Drought + "\n\n" + Orchestra + "\n\n" + Satellite;
        var result = Align(a, b);
        var p = Assert.Single(result.Passages);
        Assert.Empty(p.Edits);
        Assert.Equal(Orchestra.TrimEnd('.'), Py.Slice(a, p.AStart, p.AEnd));
        Assert.Equal(Orchestra.TrimEnd('.'), Py.Slice(b, p.BStart, p.BEnd));
        Assert.Equal(1.0, p.Similarity);
        int tokens = Tok.Count(Orchestra);
        Assert.Equal(tokens, p.ATokens);
        Assert.Equal(tokens, p.MatchedTokens);
        Assert.Equal((double)tokens / Tok.Count(a), result.CoverageA, 9);
        Assert.Equal((double)tokens / Tok.Count(b), result.CoverageB, 9);
    }

    [Fact]
    public void One_substitution_one_insertion_and_one_deletion_are_exactly_three_edits()
    {
        const string a = "The finance minister announced on Tuesday that the national budget would include new funding for rural schools and hospitals across the northern provinces next year.";
        const string b = "The finance minister announced on Wednesday that the national budget would include significant new funding for rural schools and hospitals across the provinces next year.";
        var p = Assert.Single(Align(a, b).Passages);
        Assert.Equal("The finance minister announced on Tuesday that the national budget would include new funding for rural schools and hospitals across the northern provinces next year", Py.Slice(a, p.AStart, p.AEnd));
        Assert.Collection(p.Edits,
            e =>
            {
                Assert.Equal(EditKind.Substitute, e.Kind);
                Assert.Equal(("Tuesday", "Wednesday"), (e.AText, e.BText));
                Assert.Equal((Py.Find(a, "Tuesday"), Py.Find(a, "Tuesday") + 7), (e.AStart, e.AEnd));
                Assert.Equal((Py.Find(b, "Wednesday"), Py.Find(b, "Wednesday") + 9), (e.BStart, e.BEnd));
            },
            e =>
            {
                Assert.Equal(EditKind.Insert, e.Kind);
                Assert.Equal(("", "significant"), (e.AText, e.BText));
                Assert.Equal((Py.Find(a, "new funding"), Py.Find(a, "new funding")), (e.AStart, e.AEnd)); // before A's next token
                Assert.Equal((Py.Find(b, "significant"), Py.Find(b, "significant") + 11), (e.BStart, e.BEnd));
            },
            e =>
            {
                Assert.Equal(EditKind.Delete, e.Kind);
                Assert.Equal(("northern", ""), (e.AText, e.BText));
                Assert.Equal((Py.Find(a, "northern"), Py.Find(a, "northern") + 8), (e.AStart, e.AEnd));
                Assert.Equal((Py.Find(b, "provinces"), Py.Find(b, "provinces")), (e.BStart, e.BEnd));
            });
        int tokensA = Tok.Count(a);
        Assert.Equal(tokensA - 2, p.MatchedTokens);
        Assert.Equal((double)(tokensA - 2) / (tokensA + 0), p.Similarity, 9); // B has one more and one fewer: same length
    }

    [Fact]
    public void Respellings_tense_transliteration_quotes_case_and_ocr_noise_are_edits_inside_one_passage()
    {
        const string a = "ISLAMABAD: Foreign Minister Shah Mahmood Qureshi said on Saturday that Pakistan wished to engage senior Afghan leaders, "
                       + "and he emphasized that \"securing peace\" was a shared responsibility as foreign forces withdraw from the country after "
                       + "almost twenty years of fighting in the mountains.";
        const string b = "Islamabad: foreign minister Shah Mehmood Qureshi said on Saturday that Pakistan wishes to engage senior Afghan leaders, "
                       + "and he emphasised that “securing peace” was a shared responsibi1ity as foreign forces withdrew from the country after "
                       + "almost twenty years of fighting in the mountains.";
        var result = Align(a, b);
        var p = Assert.Single(result.Passages);
        Assert.Equal(0, p.AStart);
        Assert.Equal(Py.CodePoints(a).Length - 1, p.AEnd); // all but the final full stop
        var substitutions = p.Edits.Select(e => (e.Kind, e.AText, e.BText)).ToList();
        Assert.Equal(
            [
                (EditKind.Substitute, "Mahmood", "Mehmood"),
                (EditKind.Substitute, "wished", "wishes"),
                (EditKind.Substitute, "emphasized", "emphasised"),
                (EditKind.Substitute, "responsibility", "responsibi1ity"),
                (EditKind.Substitute, "withdraw", "withdrew"),
            ], substitutions);
    }

    [Fact]
    public void Ocr_noise_that_misreads_splits_or_glues_words_is_bridged()
    {
        string a = Harbour;
        string b = Harbour.Replace("northern", "northem").Replace("walked off", "walkedoff").Replace("Monday", "Mon day")
                          .Replace("collapsed", "col1apsed").Replace("anchored", "anch0red");
        var p = Assert.Single(Align(a, b).Passages);
        Assert.Equal(Harbour.TrimEnd('.'), Py.Slice(a, p.AStart, p.AEnd));
        Assert.Equal(
            [("northern", "northem"), ("walked off", "walkedoff"), ("Monday", "Mon day"), ("collapsed", "col1apsed"), ("anchored", "anch0red")],
            p.Edits.Select(e => (e.AText, e.BText)));
        Assert.All(p.Edits, e => Assert.Equal(EditKind.Substitute, e.Kind));
    }

    [Fact]
    public void On_letters_heavy_ocr_damage_is_one_passage_of_letter_edits_and_unrelated_texts_share_none()
    {
        // Misreads in nearly every word: on words the passage breaks up; on letters (AlignerOptions.ForCharacters) it
        // stays one passage whose edits are the misread letters.
        string b = Harbour.Replace("rn", "m").Replace("l", "1").Replace("e", "c");
        var letters = new PassageAligner(AlignerOptions.Default.ForCharacters());
        var p = Assert.Single(letters.Align(Harbour, b).Passages);
        Assert.True(p.AEnd - p.AStart >= 0.9 * Harbour.Length, $"passage {p.AStart}..{p.AEnd} of {Harbour.Length}");
        Assert.Contains(p.Edits, e => e.AText == "l" && e.BText == "1");
        Assert.Contains(p.Edits, e => e.AText == "e" && e.BText == "c");
        Assert.All(p.Edits, e => Assert.True(e.AText.Length <= 3 && e.BText.Length <= 3, $"{e.AText} -> {e.BText}"));
        Assert.True(Align(Harbour, b).Passages.Sum(x => x.ATokens) < p.ATokens / 5, "words should lose most of the damaged passage");

        foreach (var other in new[] { Orchestra, Drought, Satellite, Football, Library })
            Assert.Empty(letters.Align(Harbour, other).Passages);
    }

    [Fact]
    public void A_swapped_word_next_to_the_texts_first_word_stays_inside_the_passage()
    {
        // One matched word cannot pay for a substitution inside a text (a stray shared word is not glued on), but at
        // the very start of both texts it can: the two datelines open one story.
        const string a = "Washington (AP) — The Senate voted on Tuesday to extend the emergency farm aid programme by another year, after a week of talks between the two parties over how to pay for it.";
        const string b = "WASHINGTON (Reuters) - The Senate voted on Tuesday to extend the emergency farm aid program by another year, after a week of talks between the two parties over how to pay for it";
        var p = Assert.Single(Align(a, b).Passages);
        Assert.Equal((0, 0), (p.AStart, p.BStart));
        Assert.Equal([("AP", "Reuters"), ("programme", "program")], p.Edits.Select(e => (e.AText, e.BText)));

        // Inside the texts the same one-word match is left out.
        var inner = Assert.Single(Align("Reported from the capital. " + a, "A different first sentence here. " + b).Passages);
        Assert.Equal("The Senate voted", Py.Slice("Reported from the capital. " + a, inner.AStart, inner.AStart + 16));
    }

    [Fact]
    public void With_truncation_stemming_respellings_match_instead_of_being_edits()
    {
        const string a = "On Saturday Qureshi said that Pakistan wished to engage senior Afghan leaders and emphasized that peace was a shared responsibility.";
        const string b = "On Saturday Qureshi said that Pakistan wishes to engage senior Afghan leaders and emphasised that peace was a shared responsibility.";
        var stemmed = new PassageAligner(new AlignerOptions { Tokenizer = new TokenizerOptions { StemPrefix = 5 } });
        var p = Assert.Single(stemmed.Align(a, b).Passages);
        Assert.Empty(p.Edits);
        Assert.Equal(2, Assert.Single(Align(a, b).Passages).Edits.Count);
    }

    [Fact]
    public void Moved_passages_are_both_found()
    {
        string a = Harbour + "\n" + Orchestra + "\n" + Drought + "\n" + Satellite + "\n" + Football;
        string b = Library + "\n" + Satellite + "\n" + Vaccine + "\n" + Orchestra + "\n" + Bridge;
        var result = Align(a, b);
        Assert.Equal(2, result.Passages.Count);
        var (first, second) = (result.Passages[0], result.Passages[1]);
        // In A's order: the orchestra paragraph, then the satellite one; in B the satellite comes first.
        Assert.Equal(Orchestra.TrimEnd('.'), Py.Slice(a, first.AStart, first.AEnd));
        Assert.Equal(Orchestra.TrimEnd('.'), Py.Slice(b, first.BStart, first.BEnd));
        Assert.Equal(Satellite.TrimEnd('.'), Py.Slice(a, second.AStart, second.AEnd));
        Assert.Equal(Satellite.TrimEnd('.'), Py.Slice(b, second.BStart, second.BEnd));
        Assert.True(first.AStart < second.AStart && first.BStart > second.BStart);
    }

    [Fact]
    public void A_passage_copied_twice_is_aligned_once_per_token()
    {
        // B quotes A's paragraph twice: A's tokens may belong to one passage only.
        string a = Harbour + "\n" + Orchestra;
        string b = Orchestra + "\n" + Drought + "\n" + Orchestra;
        var result = Align(a, b);
        var p = Assert.Single(result.Passages);
        Assert.Equal(Orchestra.TrimEnd('.'), Py.Slice(a, p.AStart, p.AEnd));
    }

    [Fact]
    public void Unrelated_texts_give_no_passage()
    {
        string a = Harbour + "\n" + Orchestra + "\n" + Drought + "\n" + Satellite;
        string b = Football + "\n" + Library + "\n" + Vaccine + "\n" + Bridge;
        var result = Align(a, b);
        Assert.Empty(result.Passages);
        Assert.Equal(0, result.CoverageA);
        Assert.Equal(0, result.CoverageB);
    }

    [Fact]
    public void Short_accidental_shared_phrases_give_no_passage()
    {
        // Six and seven shared words in otherwise unrelated short texts: below even the short-pair need of 8.
        string a = Harbour + " Officials said on Friday that talks would resume within days. " + Drought
                 + " The council said in a statement that roads were open.";
        string b = Football + " A spokesman said on Friday that talks would be held in March. " + Vaccine
                 + " The agency said in a statement that roads were closed.";
        var options = AlignerOptions.Default;
        Assert.Equal(options.MinPassageTokensShort, options.MinPassageTokensFor(Tok.Count(a), Tok.Count(b)));
        Assert.Empty(Align(a, b).Passages);
        // ...while a lower threshold finds them, so the test is about the threshold.
        var lenient = new PassageAligner(new AlignerOptions { MinPassageTokens = 6, MinPassageTokensShort = 6 });
        Assert.NotEmpty(lenient.Align(a, b).Passages);
    }

    [Fact]
    public void A_nine_word_stock_phrase_is_no_passage_between_long_texts_but_is_one_between_short_ones()
    {
        // Nine shared words: "the United Nations Security Council said in a statement".
        const string PhraseA = " The United Nations Security Council said in a statement that talks would resume. ";
        const string PhraseB = " In New York, the United Nations Security Council said in a statement on Tuesday that it was concerned. ";
        // Long texts: four unrelated paragraphs each, four times over (repeats add no phrase shared with the other side).
        string bodyA = string.Join("\n", Enumerable.Repeat(string.Join("\n", Harbour, Orchestra, Drought, Satellite), 4));
        string bodyB = string.Join("\n", Enumerable.Repeat(string.Join("\n", Football, Library, Vaccine, Bridge), 4));
        string longA = bodyA + PhraseA + bodyA, longB = bodyB + PhraseB + bodyB;
        var options = AlignerOptions.Default;
        int needLong = options.MinPassageTokensFor(Tok.Count(longA), Tok.Count(longB));
        Assert.True(needLong >= 10, $"need {needLong}");
        Assert.Empty(Align(longA, longB).Passages);

        string shortA = Harbour + PhraseA, shortB = Football + PhraseB;
        Assert.Equal(8, options.MinPassageTokensFor(Tok.Count(shortA), Tok.Count(shortB)));
        var p = Assert.Single(Align(shortA, shortB).Passages);
        Assert.Equal(9, p.MatchedTokens);

        // With one fixed length (the short-pair need raised to MinPassageTokens) the short pair has no passage either.
        Assert.Empty(new PassageAligner(options with { MinPassageTokensShort = options.MinPassageTokens }).Align(shortA, shortB).Passages);
    }

    [Theory]
    [InlineData(10, 10, 8)]            // 100 = 2^6.6: the floor
    [InlineData(200, 400, 8)]          // 80,000 = 2^16.3: a short answer against a one-page source
    [InlineData(500, 500, 9)]          // 250,000: three whole halvings below 2^21
    [InlineData(1000, 1000, 11)]       // 1,000,000: one
    [InlineData(1000, 2000, 12)]       // 2,000,000: below 2^21 = 2,097,152 but by less than a whole halving
    [InlineData(1024, 2048, 12)]       // exactly 2^21
    [InlineData(20000, 9000, 12)]      // long documents
    public void The_passage_length_needed_grows_by_one_token_per_doubling_of_the_pair(int m, int n, int need)
    {
        Assert.Equal(need, AlignerOptions.Default.MinPassageTokensFor(m, n));
        Assert.Equal(12, (AlignerOptions.Default with { MinPassageTokensShort = 12 }).MinPassageTokensFor(m, n));
    }

    [Fact]
    public void Shared_run_coverage_counts_every_token_in_a_shared_three_word_run_passage_or_not()
    {
        const string a = "alpha beta gamma delta epsilon zeta eta theta";
        const string b = "one two beta gamma delta three gamma delta epsilon four";
        var measuring = new PassageAligner(AlignerOptions.Default with { MeasureSharedRuns = true });
        var result = measuring.Align(a, b);
        Assert.Empty(result.Passages); // far too short for a passage
        Assert.Equal(0, result.CoverageA);
        Assert.Equal(4.0 / 8, result.SharedRunCoverageA, 9);  // beta gamma delta epsilon
        Assert.Equal(6.0 / 10, result.SharedRunCoverageB, 9); // beta gamma delta, gamma delta epsilon
        var none = measuring.Align("alpha beta gamma delta", "one two three four");
        Assert.Equal((0.0, 0.0), (none.SharedRunCoverageA, none.SharedRunCoverageB));
        // A copied paragraph is inside passages and shared runs alike.
        var copy = measuring.Align(Harbour + "\n" + Orchestra, Drought + "\n" + Orchestra);
        Assert.True(copy.SharedRunCoverageA >= copy.CoverageA - 1e-9 && copy.CoverageA > 0.3, $"{copy.SharedRunCoverageA} {copy.CoverageA}");
        // Not asked for, it is not measured.
        Assert.Equal((0.0, 0.0), (Align(a, b).SharedRunCoverageA, Align(a, b).SharedRunCoverageB));
    }

    private const string Footer =
        "Subscribe to our newsletter for the latest news and analysis delivered to your inbox every morning. "
        + "Follow us on social media for live updates. All rights reserved by the Daily Courier Media Group and its partners.";

    private static HashSet<ulong> SeedHashes(string text, int k)
    {
        var tokens = new TokenList();
        Tokenizer.Tokenize(text, TokenizerOptions.Default, tokens);
        var shingles = new ulong[Shingles.Count(tokens.Count, k)];
        Shingles.Compute(tokens.Span, k, shingles);
        return [.. shingles];
    }

    [Fact]
    public void A_shared_footer_declared_furniture_gives_no_passage()
    {
        string a = Harbour + "\n" + Orchestra + "\n" + Footer;
        string b = Library + "\n" + Bridge + "\n" + Footer;
        var furniture = SeedHashes(Footer, AlignerOptions.Default.SeedSize);

        // Control: without the predicate the footer is a passage.
        var control = Assert.Single(Align(a, b).Passages);
        Assert.Equal(Footer.TrimEnd('.'), Py.Slice(a, control.AStart, control.AEnd));

        var result = Align(a, b, furniture.Contains);
        Assert.Empty(result.Passages);
    }

    [Fact]
    public void A_reprint_that_carries_the_furniture_footer_is_still_found()
    {
        string a = Harbour + "\n" + Orchestra + "\n" + Footer;
        string b = Library + "\n" + Orchestra + "\n" + Footer;
        var furniture = SeedHashes(Footer, AlignerOptions.Default.SeedSize);
        var p = Assert.Single(Align(a, b, furniture.Contains).Passages);
        Assert.StartsWith(Orchestra.TrimEnd('.'), Py.Slice(a, p.AStart, p.AEnd));
    }

    [Fact]
    public void Text_shorter_than_a_seed_and_empty_text_give_no_passage()
    {
        Assert.Empty(Align("", Harbour).Passages);
        Assert.Empty(Align(Harbour, "dock workers").Passages);
        var empty = Align("", "");
        Assert.Equal((0, 0, 0.0, 0.0), (empty.TokensA, empty.TokensB, empty.CoverageA, empty.CoverageB));
    }

    [Fact]
    public void Repetitive_text_seeds_nothing_by_itself_but_does_not_hide_real_reuse()
    {
        // Every shingle of the refrain occurs hundreds of times: too frequent to seed (MaxSeedOccurrences), so the
        // work stays linear. The paragraph after it seeds a passage, whose diagonal runs on through the refrain.
        string refrain = string.Concat(Enumerable.Repeat("the cat sat on the mat and ", 300));
        Assert.Empty(Align(refrain + refrain, refrain).Passages);

        string a = refrain + refrain + Orchestra;
        string b = refrain + Orchestra;
        var result = Align(a, b);
        var p = Assert.Single(result.Passages);
        Assert.EndsWith(Orchestra.TrimEnd('.'), Py.Slice(a, p.AStart, p.AEnd));
        Assert.Equal(1.0, result.CoverageB, 9);
        Assert.Empty(p.Edits);
    }

    [Fact]
    public void One_aligner_gives_the_same_answer_on_reuse_and_in_either_order_of_calls()
    {
        string a = Harbour + "\n" + Orchestra + "\n" + Satellite;
        string b = Satellite + "\n" + Library + "\n" + Orchestra;
        var aligner = new PassageAligner();
        var first = aligner.Align(a, b);
        aligner.Align(Football + Vaccine, Vaccine + Bridge);
        aligner.Align(string.Concat(Enumerable.Repeat(Drought, 30)), Drought);
        var again = aligner.Align(a, b);
        Assert.Equal(first.Passages.Select(Describe), again.Passages.Select(Describe));
        Assert.Equal(first.Passages.Select(Describe), Aligner.Align(a, b).Passages.Select(Describe));
    }

    [Fact]
    public void Options_out_of_range_are_rejected()
    {
        Assert.Throws<ArgumentException>(() => new PassageAligner(new AlignerOptions { SeedSize = 0 }));
        Assert.Throws<ArgumentException>(() => new PassageAligner(new AlignerOptions { MinSimilarity = 1.5 }));
        Assert.Throws<ArgumentException>(() => new PassageAligner(new AlignerOptions { MaxGap = -1 }));
        Assert.Throws<ArgumentException>(() => new PassageAligner(new AlignerOptions { MinPassageTokens = 0 }));
    }

    internal static string Describe(Passage p) =>
        $"A[{p.AStart},{p.AEnd}) B[{p.BStart},{p.BEnd}) {p.MatchedTokens}/{p.ATokens}/{p.BTokens} " + string.Join(" ", p.Edits);

    internal static void AssertDisjoint(Alignment result)
    {
        var ps = result.Passages;
        for (int i = 0; i < ps.Count; i++)
        {
            for (int j = i + 1; j < ps.Count; j++)
            {
                Assert.False(ps[i].AStart < ps[j].AEnd && ps[j].AStart < ps[i].AEnd, $"A overlap: {Describe(ps[i])} / {Describe(ps[j])}");
                Assert.False(ps[i].BStart < ps[j].BEnd && ps[j].BStart < ps[i].BEnd, $"B overlap: {Describe(ps[i])} / {Describe(ps[j])}");
            }
        }
    }
}
