using System.Text.Json;
using NearDup.Text;
using Xunit.Abstractions;

namespace NearDup.Report.Tests;

/// <summary><c>neardup compare</c>: JSON offsets, coverage, edits, scores equal to dedup's, the terminal view and bad input.</summary>
public sealed class CompareTests(ITestOutputHelper output) : IDisposable
{
    private readonly TempFolder _dir = new();

    public void Dispose() => _dir.Dispose();

    // A and B share one paragraph with three edits: "total" only in A, "easily" only in B, "colour" → "color".
    // Both open with text of their own holding characters outside the Basic Multilingual Plane (two UTF-16 units,
    // one code point), and the shared paragraph holds one too, so UTF-16 and code point offsets differ everywhere.
    internal const string SharedA =
        "The city council voted on Tuesday to withdraw its support for the new 🌉 harbour bridge after engineers warned that the total cost " +
        "could double within three years, and that the colour chosen for the towers would fade fast, the mayor's office said in a statement";
    internal const string SharedB =
        "The city council voted on Tuesday to withdraw its support for the new 🌉 harbour bridge after engineers warned that the cost " +
        "could easily double within three years, and that the color chosen for the towers would fade fast, the mayor's office said in a statement";
    internal static readonly string TextA =
        "𝐁𝐑𝐄𝐀𝐊𝐈𝐍𝐆 🌊 Storm season opens with warnings along the coast, forecasters say.\n" + SharedA + ".\n" +
        "Gardeners in the northern quarter report a record crop of winter squash this year.";
    internal static readonly string TextB =
        "𝒜 weekly digest of civic affairs: budgets, schools and parking rules in brief.\n" + SharedB + ".\n";

    private JsonElement CompareJson(string a, string b)
    {
        var (exit, stdout, stderr) = Cli.Run("compare", a, b, "--json");
        Assert.True(exit == 0, stderr);
        output.WriteLine(stdout);
        return Cli.Json(stdout);
    }

    [Fact]
    public void On_letters_a_badly_scanned_copy_is_one_passage_whose_edits_are_misread_letters()
    {
        // Misreads in many words (rn→m, l→1, o→0 before u, e→c before a): on word shingles the copy is not even related;
        // with --tokens Characters it is reuse, aligned letter by letter.
        string scanned = SharedA.Replace("rn", "m").Replace("l", "1").Replace("ou", "0u").Replace("ea", "ca");
        string a = _dir.File("a.txt", SharedA), b = _dir.File("b.txt", scanned);
        var (exit, stdout, stderr) = Cli.Run("compare", a, b, "--json", "--tokens", "Characters");
        Assert.True(exit == 0, stderr);
        var json = Cli.Json(stdout);
        var passage = Assert.Single(json.GetProperty("passages").EnumerateArray());
        Assert.True(json.GetProperty("coverage_a").GetDouble() > 0.9, stdout);
        var edits = passage.GetProperty("edits").EnumerateArray().Select(e => (e.GetProperty("a_text").GetString(), e.GetProperty("b_text").GetString())).ToList();
        Assert.Contains(("o", "0"), edits);
        Assert.Contains(("l", "1"), edits);
        Assert.Contains(("rn", "m"), edits);
        Assert.All(edits, e => Assert.True(e.Item1!.Length <= 3 && e.Item2!.Length <= 3, $"{e.Item1} -> {e.Item2}"));
        Assert.Equal("partial", json.GetProperty("relation").GetString());

        var words = Cli.Json(Cli.Run("compare", a, b, "--json").Out);
        Assert.Equal(JsonValueKind.Null, words.GetProperty("relation").ValueKind);
    }

    [Fact]
    public void Json_gives_code_point_offsets_whose_python_slices_are_the_copied_text()
    {
        var json = CompareJson(_dir.File("a.txt", TextA), _dir.File("b.txt", TextB));

        var passage = Assert.Single(json.GetProperty("passages").EnumerateArray());
        int aStart = passage.GetProperty("a_start").GetInt32(), aEnd = passage.GetProperty("a_end").GetInt32();
        int bStart = passage.GetProperty("b_start").GetInt32(), bEnd = passage.GetProperty("b_end").GetInt32();
        // The passage runs from the first to the last shared word ("statement"; the full stop is not a token).
        Assert.Equal(SharedA, Py.Slice(TextA, aStart, aEnd));
        Assert.Equal(SharedB, Py.Slice(TextB, bStart, bEnd));
        Assert.Equal(Py.Find(TextA, "The city council"), aStart);
        Assert.NotEqual(TextA.IndexOf("The city council", StringComparison.Ordinal), aStart); // code points, not UTF-16
        Assert.InRange(passage.GetProperty("similarity").GetDouble(), 0.9, 1.0);

        var edits = passage.GetProperty("edits").EnumerateArray().ToList();
        Assert.Equal(["delete", "insert", "substitute"], edits.Select(e => e.GetProperty("kind").GetString()));
        Assert.Equal(("total", ""), (edits[0].GetProperty("a_text").GetString(), edits[0].GetProperty("b_text").GetString()));
        Assert.Equal(("", "easily"), (edits[1].GetProperty("a_text").GetString(), edits[1].GetProperty("b_text").GetString()));
        Assert.Equal(("colour", "color"), (edits[2].GetProperty("a_text").GetString(), edits[2].GetProperty("b_text").GetString()));
        foreach (var e in edits)
        {
            Assert.Equal(e.GetProperty("a_text").GetString(), Py.Slice(TextA, e.GetProperty("a_start").GetInt32(), e.GetProperty("a_end").GetInt32()));
            Assert.Equal(e.GetProperty("b_text").GetString(), Py.Slice(TextB, e.GetProperty("b_start").GetInt32(), e.GetProperty("b_end").GetInt32()));
        }
        // An insertion's A range is empty, at the start of A's next matched word.
        Assert.Equal(Py.Find(TextA, "double"), edits[1].GetProperty("a_start").GetInt32());
    }

    [Fact]
    public void Json_coverage_is_the_share_of_each_texts_words_inside_passages()
    {
        var json = CompareJson(_dir.File("a.txt", TextA), _dir.File("b.txt", TextB));
        static (int Inside, int All) Count(string text, string shared)
        {
            var tokens = new TokenList();
            Tokenizer.Tokenize(text, TokenizerOptions.Default, tokens);
            int start = text.IndexOf(shared, StringComparison.Ordinal), end = start + shared.Length;
            return (tokens.Span.ToArray().Count(t => t.Start >= start && t.End <= end), tokens.Count);
        }
        var (insideA, allA) = Count(TextA, SharedA);
        var (insideB, allB) = Count(TextB, SharedB);
        Assert.Equal(allA, json.GetProperty("tokens_a").GetInt32());
        Assert.Equal(allB, json.GetProperty("tokens_b").GetInt32());
        Assert.Equal(Math.Round((double)insideA / allA, 4), json.GetProperty("coverage_a").GetDouble());
        Assert.Equal(Math.Round((double)insideB / allB, 4), json.GetProperty("coverage_b").GetDouble());
        Assert.True(json.GetProperty("coverage_b").GetDouble() > json.GetProperty("coverage_a").GetDouble()); // B is mostly the shared paragraph
        Assert.InRange(json.GetProperty("coverage_a").GetDouble(), 0.5, 0.8);
    }

    [Fact]
    public void Resemblance_equals_what_dedup_reports_for_the_pair()
    {
        var json = CompareJson(_dir.File("a.txt", TextA), _dir.File("b.txt", TextB));
        string corpus = _dir.Jsonl("pair.jsonl", ("a", TextA), ("b", TextB));
        string outDir = Path.Combine(_dir.Path, "out");
        var (exit, _, stderr) = Cli.Run("dedup", corpus, "--out", outDir, "--progress", "None", "--no-copy");
        Assert.True(exit == 0, stderr);
        var pair = Assert.Single(Cli.JsonLines(Path.Combine(outDir, "pairs.jsonl")));
        foreach (string field in new[] { "resemblance", "containment_a_in_b", "containment_b_in_a", "shared_words" })
            Assert.Equal(pair.GetProperty(field).GetDouble(), json.GetProperty(field).GetDouble());
        Assert.Equal(pair.GetProperty("relation").GetString(), json.GetProperty("relation").GetString());

        // --corpus with two ids reads the same texts: the same answer.
        var (exit2, stdout2, stderr2) = Cli.Run("compare", "--corpus", corpus, "a", "b", "--json");
        Assert.True(exit2 == 0, stderr2);
        var byId = Cli.Json(stdout2);
        Assert.Equal("a", byId.GetProperty("a").GetString());
        Assert.Equal(json.GetProperty("resemblance").GetDouble(), byId.GetProperty("resemblance").GetDouble());
        Assert.Equal(json.GetProperty("passages").GetRawText(), byId.GetProperty("passages").GetRawText());
    }

    [Fact]
    public void Compare_in_a_corpus_gives_every_dedup_pair_its_exact_line_and_discounts_the_learned_footer()
    {
        string outDir = Path.Combine(_dir.Path, "out");
        var (exit, _, stderr) = Cli.Run("dedup", TestPaths.Sample, "--out", outDir, "--progress", "None", "--no-copy");
        Assert.True(exit == 0, stderr);
        var pairs = Cli.JsonLines(Path.Combine(outDir, "pairs.jsonl")).ToList();
        Assert.Equal(3, pairs.Count);
        foreach (var pair in pairs)
        {
            var (code, stdout, err) = Cli.Run("compare", "--corpus", TestPaths.Sample, pair.GetProperty("a").GetString()!,
                pair.GetProperty("b").GetString()!, "--json", "--progress", "None");
            Assert.True(code == 0, err);
            var json = Cli.Json(stdout);
            foreach (string field in new[] { "resemblance", "containment_a_in_b", "containment_b_in_a", "shared_words" })
                Assert.Equal(pair.GetProperty(field).GetDouble(), json.GetProperty(field).GetDouble());
            Assert.Equal(pair.GetProperty("relation").GetString(), json.GetProperty("relation").GetString());
            Assert.NotEmpty(json.GetProperty("passages").EnumerateArray());
        }

        // Two unrelated stories of one site share its long footer. On their own the two texts cannot tell a footer
        // from reuse, so the footer is a passage; within the corpus it is learned as furniture and nothing remains.
        string[] footerPair = ["valley-school-roof", "valley-farmers-market"];
        var alone = CompareJson(_dir.File("school.txt", SampleText(footerPair[0])), _dir.File("market.txt", SampleText(footerPair[1])));
        Assert.NotEmpty(alone.GetProperty("passages").EnumerateArray());
        var (exit2, stdout2, stderr2) = Cli.Run("compare", "--corpus", TestPaths.Sample, footerPair[0], footerPair[1], "--json", "--progress", "None");
        Assert.True(exit2 == 0, stderr2);
        var inCorpus = Cli.Json(stdout2);
        Assert.Equal(JsonValueKind.Null, inCorpus.GetProperty("relation").ValueKind);
        Assert.Empty(inCorpus.GetProperty("passages").EnumerateArray());
        Assert.Equal(0, inCorpus.GetProperty("shared_words").GetInt32());
    }

    private static string SampleText(string id) => File.ReadLines(TestPaths.Sample)
        .Select(line => JsonDocument.Parse(line).RootElement)
        .Single(doc => doc.GetProperty("id").GetString() == id).GetProperty("text").GetString()!;

    [Fact]
    public void Terminal_view_marks_edits_inline_with_scores_and_coverage()
    {
        var (exit, stdout, stderr) = Cli.Run("compare", _dir.File("a.txt", TextA), _dir.File("b.txt", TextB));
        Assert.True(exit == 0, stderr);
        output.WriteLine(stdout);
        Assert.Contains("resemblance 0.", stdout);
        Assert.Contains("% in passages", stdout);
        Assert.Contains("1 passage, 3 edits", stdout);
        Assert.Contains("that the [-total-] cost could {+easily+} double", stdout);
        Assert.Contains("the [-colour-]{+color+} chosen", stdout);
        Assert.DoesNotContain("\u001b[", stdout, StringComparison.Ordinal); // redirected: no escape codes
    }

    [SharedDataFact("examples/000_516bbe01d6261196.txt", "examples/001_f6d1ff49064b0f58.txt")]
    public void The_real_reprint_pair_aligns_the_eight_shared_paragraphs_with_withdraw_withdrew_as_a_substitution()
    {
        string pathA = TestPaths.SharedFile("examples", "000_516bbe01d6261196.txt"), pathB = TestPaths.SharedFile("examples", "001_f6d1ff49064b0f58.txt");
        string a = File.ReadAllText(pathA), b = File.ReadAllText(pathB);
        var json = CompareJson(pathA, pathB);

        Assert.Equal("partial", json.GetProperty("relation").GetString());
        Assert.Equal(0.3265, json.GetProperty("resemblance").GetDouble(), 3);
        Assert.Equal(255, json.GetProperty("shared_words").GetInt32());
        var passages = json.GetProperty("passages").EnumerateArray()
            .Select(p => (A: (p.GetProperty("a_start").GetInt32(), p.GetProperty("a_end").GetInt32()), B: (p.GetProperty("b_start").GetInt32(), p.GetProperty("b_end").GetInt32())))
            .ToList();
        Assert.InRange(passages.Count, 1, 3);
        // Each of the eight reprinted paragraphs of 000 and its copy in 001 lies inside a passage (by its first and last words).
        (string First, string Last)[] paragraphs =
        [
            ("has invited his Afghan counterpart", "across Afghanistan"), ("Afghan Foreign Minister Haneef Atmar to visit", "in Afghanistan."),
            ("In recent weeks", "Iran and Turkmenistan."), ("The group said on Friday", "20 years of fighting."),
            ("On Saturday, Qureshi said", "in their country"), ("ready to cooperate for facilitation", "in Multan."),
            ("It follows a phone call", "war-battered country."), ("stressed that there was a fundamental convergence", "all stakeholders"),
        ];
        foreach (var (first, last) in paragraphs)
        {
            int a0 = Py.Find(a, first), a1 = Py.Find(a, last) + Py.Len(last) - (last.EndsWith('.') ? 1 : 0);
            int b0 = Py.Find(b, first), b1 = Py.Find(b, last) + Py.Len(last) - (last.EndsWith('.') ? 1 : 0);
            Assert.True(passages.Any(p => p.A.Item1 <= a0 && a1 <= p.A.Item2), $"000's paragraph '{first}…' is not inside a passage");
            Assert.True(passages.Any(p => p.B.Item1 <= b0 && b1 <= p.B.Item2), $"001's paragraph '{first}…' is not inside a passage");
        }
        var edits = json.GetProperty("passages").EnumerateArray().SelectMany(p => p.GetProperty("edits").EnumerateArray()).ToList();
        var withdrew = Assert.Single(edits, e => e.GetProperty("a_text").GetString() == "withdraw");
        Assert.Equal("substitute", withdrew.GetProperty("kind").GetString());
        Assert.Equal("withdrew", withdrew.GetProperty("b_text").GetString());
        Assert.Equal("withdraw", Py.Slice(a, withdrew.GetProperty("a_start").GetInt32(), withdrew.GetProperty("a_end").GetInt32()));
        Assert.Equal("withdrew", Py.Slice(b, withdrew.GetProperty("b_start").GetInt32(), withdrew.GetProperty("b_end").GetInt32()));
        // 001's own opening (the SCO meeting in Tajikistan) is in no passage.
        int sco = Py.Find(b, "Shanghai Cooperation Organisation");
        Assert.DoesNotContain(passages, p => p.B.Item1 <= sco && sco < p.B.Item2);
    }

    [Fact]
    public void A_missing_file_or_id_is_bad_input_with_exit_2_naming_it()
    {
        string a = _dir.File("a.txt", TextA);
        var (exit, _, stderr) = Cli.Run("compare", a, Path.Combine(_dir.Path, "missing.txt"));
        Assert.Equal(2, exit);
        Assert.Contains("missing.txt", stderr);

        string corpus = _dir.Jsonl("c.jsonl", ("a", TextA), ("b", TextB));
        (exit, _, stderr) = Cli.Run("compare", "--corpus", corpus, "a", "nope");
        Assert.Equal(2, exit);
        Assert.Contains("c.jsonl", stderr);
        Assert.Contains("'nope'", stderr);

        string bad = Path.Combine(_dir.Path, "bad.txt");
        File.WriteAllBytes(bad, [(byte)'o', (byte)'k', (byte)'\n', 0xC3, 0x28]);
        (exit, _, stderr) = Cli.Run("compare", a, bad);
        Assert.Equal(2, exit);
        Assert.Contains("bad.txt:2", stderr);
    }
}
