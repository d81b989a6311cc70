using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using NearDup.Corpus;

namespace NearDup.Report.Tests;

/// <summary><c>dedup --report</c> and <c>dedup --passages</c> on the bundled sample, and the furniture filter.</summary>
public sealed class DedupReportTests : IDisposable
{
    private readonly TempFolder _dir = new();

    public void Dispose() => _dir.Dispose();

    private string Dedup(params string[] extra)
    {
        string outDir = Path.Combine(_dir.Path, "out");
        var (exit, _, stderr) = Cli.Run(["dedup", TestPaths.Sample, "--out", outDir, "--progress", "None", "--no-copy", .. extra]);
        Assert.True(exit == 0, stderr);
        return outDir;
    }

    private static Dictionary<string, string> SampleTexts() =>
        File.ReadAllLines(TestPaths.Sample).Select(Cli.Json).ToDictionary(d => d.GetProperty("id").GetString()!, d => d.GetProperty("text").GetString()!);

    [Fact]
    public void Report_writes_an_index_and_one_page_per_pair_for_the_sample()
    {
        string report = Path.Combine(_dir.Path, "report");
        string outDir = Dedup("--report", report);

        var pairs = Cli.JsonLines(Path.Combine(outDir, "pairs.jsonl"));
        Assert.Equal(3, pairs.Count);
        Assert.Equal(["1.html", "2.html", "3.html"], Directory.GetFiles(Path.Combine(report, "pairs")).Select(Path.GetFileName).Order());
        string index = File.ReadAllText(Path.Combine(report, "index.html"));
        Assert.Equal(3, Regex.Matches(index, "<tr><td class=\"num\"><a href=\"pairs/\\d\\.html\">").Count);
        Assert.Contains("<table class=\"sortable\" id=\"pairs\">", index);
        Assert.Contains("<svg id=\"resemblance-chart\"", index);
        Assert.Contains("<svg id=\"cluster-chart\"", index);
        Assert.Contains("addEventListener('click', sort)", index);
        Assert.Single(Regex.Matches(index, "<script"));
        Assert.Contains("<dt>pairs</dt><dd>3</dd>", index);
        Assert.Contains("<dt>clusters of copies</dt><dd>2</dd>", index);

        var texts = SampleTexts();
        for (int n = 1; n <= 3; n++)
        {
            string page = File.ReadAllText(Path.Combine(report, "pairs", $"{n}.html"));
            string a = pairs[n - 1].GetProperty("a").GetString()!, b = pairs[n - 1].GetProperty("b").GetString()!;
            Assert.Contains($"rel-{pairs[n - 1].GetProperty("relation").GetString()}", page);
            Assert.Equal(texts[a], PageReader.SideText(page, 'a'));
            Assert.Equal(texts[b], PageReader.SideText(page, 'b'));
            var spans = PageReader.PassageSpans(page);
            Assert.NotEmpty(spans);
            Assert.Equal(spans.Count(s => s.Id[0] == 'a'), spans.Count(s => s.Id[0] == 'b'));
            Assert.Contains("href=\"../index.html\"", page);
            Assert.Contains($"pair {n} of 3", page);
            Assert.Contains(DedupReportWriter.PairHref(n), index);
        }
        // The partial reprint: the local paper's own paragraphs and its site footer are not in the passage.
        int partial = pairs.FindIndex(p => p.GetProperty("relation").GetString() == "partial") + 1;
        string partialPage = File.ReadAllText(Path.Combine(report, "pairs", $"{partial}.html"));
        Assert.Single(PageReader.PassageSpans(partialPage), s => s.Id[0] == 'b');

        // Nothing temporary is left, and a second run replaces the report in place.
        Assert.Empty(Directory.GetFileSystemEntries(_dir.Path, "*.tmp*", SearchOption.AllDirectories));
        File.WriteAllText(Path.Combine(report, "stale.txt"), "from an older run");
        Dedup("--report", report);
        Assert.False(File.Exists(Path.Combine(report, "stale.txt")));
        Assert.True(File.Exists(Path.Combine(report, "pairs", "3.html")));
        Assert.Empty(Directory.GetFileSystemEntries(_dir.Path, "*.tmp*", SearchOption.AllDirectories));
    }

    [Fact]
    public void Report_refuses_a_folder_that_is_the_output_or_not_an_earlier_report_before_the_run()
    {
        string outDir = Path.Combine(_dir.Path, "out");
        var (exit, _, stderr) = Cli.Run("dedup", TestPaths.Sample, "--out", outDir, "--progress", "None", "--report", outDir);
        Assert.Equal(2, exit);
        Assert.Contains("--report", stderr);
        Assert.False(Directory.Exists(outDir)); // refused before anything was written

        string notes = Path.Combine(_dir.Path, "notes");
        Directory.CreateDirectory(notes);
        File.WriteAllText(Path.Combine(notes, "keep.txt"), "mine");
        (exit, _, stderr) = Cli.Run("dedup", TestPaths.Sample, "--out", outDir, "--progress", "None", "--report", notes);
        Assert.Equal(2, exit);
        Assert.Contains("not an earlier NearDup report", stderr);
        Assert.Equal("mine", File.ReadAllText(Path.Combine(notes, "keep.txt")));
    }

    [Fact]
    public void Passages_adds_offsets_and_edits_to_each_pairs_line_and_changes_nothing_else()
    {
        string plainDir = Dedup();
        var plain = File.ReadAllLines(Path.Combine(plainDir, "pairs.jsonl"));
        Assert.All(plain, line => Assert.DoesNotContain("\"passages\"", line));
        string withDir = Dedup("--passages", "--threads", "1");
        var with = File.ReadAllLines(Path.Combine(withDir, "pairs.jsonl"));
        Assert.Equal(3, with.Length);

        var texts = SampleTexts();
        for (int i = 0; i < with.Length; i++)
        {
            var node = JsonNode.Parse(with[i])!.AsObject();
            var passages = node["passages"]!.AsArray();
            Assert.NotEmpty(passages);
            string a = texts[(string)node["a"]!], b = texts[(string)node["b"]!];
            foreach (var p in passages)
            {
                int aStart = (int)p!["a_start"]!, aEnd = (int)p["a_end"]!, bStart = (int)p["b_start"]!, bEnd = (int)p["b_end"]!;
                Assert.True(aEnd - aStart > 50 && bEnd - bStart > 50);
                Assert.InRange((double)p["similarity"]!, 0.5, 1.0);
                foreach (var e in p["edits"]!.AsArray())
                {
                    Assert.Contains((string)e!["kind"]!, new[] { "insert", "delete", "substitute" });
                    Assert.Equal((string)e["a_text"]!, Py.Slice(a, (int)e["a_start"]!, (int)e["a_end"]!));
                    Assert.Equal((string)e["b_text"]!, Py.Slice(b, (int)e["b_start"]!, (int)e["b_end"]!));
                    Assert.InRange((int)e["a_start"]!, aStart, aEnd);
                    Assert.InRange((int)e["b_start"]!, bStart, bEnd);
                }
            }
            node.Remove("passages");
            Assert.True(JsonNode.DeepEquals(JsonNode.Parse(plain[i]), node), $"line {i + 1} differs beyond passages");
        }
        // The duplicate pair's three documented edits: residents → locals and two respellings.
        var duplicate = JsonNode.Parse(with.Single(l => l.Contains("\"duplicate\"")))!;
        var edits = duplicate["passages"]!.AsArray().SelectMany(p => p!["edits"]!.AsArray()).Select(e => ((string)e!["a_text"]!, (string)e["b_text"]!)).ToList();
        Assert.Contains(("residents", "locals"), edits);
        Assert.Contains(("organization", "organisation"), edits);

        // Same output on two threads.
        File.Copy(Path.Combine(withDir, "pairs.jsonl"), Path.Combine(_dir.Path, "one-thread.jsonl"));
        Dedup("--passages", "--threads", "2");
        Assert.Equal(File.ReadAllText(Path.Combine(_dir.Path, "one-thread.jsonl")), File.ReadAllText(Path.Combine(withDir, "pairs.jsonl")));
        Assert.Empty(Directory.GetFileSystemEntries(withDir, "*.tmp", SearchOption.AllDirectories));
    }

    [Fact]
    public void A_passage_that_is_only_page_furniture_is_dropped_but_the_story_beside_it_is_kept()
    {
        var words = new Words(11);
        string footer = "Sign up for our morning newsletter and get the local news, weather and sport in your inbox every weekday. " +
                        "Copyright 2024 Valley Courier Media. All rights reserved. No part of this story may be reproduced without permission. Advertisement";
        string story = words.Paragraphs(3, 35);
        var docs = new List<(string Id, string Text)>();
        for (int i = 0; i < 6; i++) docs.Add(($"other-{i}", words.Paragraphs(3, 35) + "\n" + footer));
        string source = story + "\n" + footer;
        string reprint = words.Paragraphs(1, 30) + "\n" + story + "\n" + words.Paragraphs(1, 30) + "\n" + footer;
        docs.Add(("source", source));
        docs.Add(("reprint", reprint));

        var options = new NearDupOptions();
        using var result = new DedupPipeline(options).Run(docs.Select((d, i) => new CorpusDocument(i, d.Id, d.Text, new SourceLocation("test"))));
        Assert.True(result.Furniture.Count > 0, "the footer should be learned as furniture");
        var pair = Assert.Single(result.Pairs);
        Assert.Equal(("source", "reprint"), (result.Documents[pair.A].Id, result.Documents[pair.B].Id));

        var unfiltered = new ReportAligner(options).Align(source, reprint);
        Assert.Equal(2, unfiltered.Passages.Count); // the story and, separately, the footer
        var filtered = new ReportAligner(options, result.Furniture).Align(source, reprint);
        var passage = Assert.Single(filtered.Passages);
        int footerStart = Py.Find(source, "Sign up for");
        Assert.True(passage.AEnd <= footerStart, "the kept passage is the story");
        Assert.True(passage.AStart == 0);
        Assert.True(filtered.CoverageA < unfiltered.CoverageA);
        Assert.Equal((double)passage.ATokens / filtered.TokensA, filtered.CoverageA, 10);
    }

    [Fact]
    public void PairTexts_keeps_only_paired_texts_and_reads_them_back_from_the_spill_file()
    {
        var docs = File.ReadAllLines(TestPaths.Sample).Select(Cli.Json)
            .Select((d, i) => new CorpusDocument(i, d.GetProperty("id").GetString()!, d.GetProperty("text").GetString()!, new SourceLocation("sample", i + 1)))
            .ToList();
        using var result = new DedupPipeline(new NearDupOptions()).Run(docs);
        string spill = Path.Combine(_dir.Path, "spill");
        using (var texts = PairTexts.Collect(docs, result, spill))
        {
            Assert.Equal(6, texts.Count);
            // The spill file is unlinked as soon as it is open (see SpillFile), so a killed run leaves nothing behind.
            if (!OperatingSystem.IsWindows()) Assert.Empty(Directory.GetFiles(spill));
            foreach (var pair in result.Pairs)
            {
                Assert.Equal(docs[pair.A].Text, texts.Get(pair.A));
                Assert.Equal(docs[pair.B].Text, texts.Get(pair.B));
            }
            int unpaired = docs.FindIndex(d => d.Id == "river-otters-return");
            Assert.Throws<InvalidOperationException>(() => texts.Get(unpaired));
        }
        Assert.Empty(Directory.GetFiles(spill));

        var renamed = docs.Select(d => d.Ordinal == 0 ? d with { Id = "changed" } : d);
        Assert.Throws<InvalidOperationException>(() => PairTexts.Collect(renamed, result, spillDirectory: null));
    }
}
