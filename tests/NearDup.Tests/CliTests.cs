using System.Text.Json;

namespace NearDup.Tests;

public sealed class CliTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("neardup-cli-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private (int Exit, string Out, string Err) Run(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        int exit = Cli.Program.Run([.. args, "--progress", "None"], stdout, stderr);
        return (exit, stdout.ToString(), stderr.ToString());
    }

    private string WriteJsonl(string name, params object[] records)
    {
        string path = Path.Combine(_dir, name);
        File.WriteAllLines(path, records.Select(r => r as string ?? JsonSerializer.Serialize(r)));
        return path;
    }

    private static object Doc(string id, string text) => new { id, text };

    private static string Story(int seed) => string.Join("\n", new TextMaker(seed).Paragraphs(4));

    [Fact]
    public void Dedup_writes_pairs_clusters_summary_and_a_deduplicated_copy()
    {
        string story = Story(1);
        string input = WriteJsonl("news.jsonl", Doc("a", story), Doc("b", Story(2)), Doc("a-copy", story.Replace(" ka ", " ke ") + " Extra words at the end."), Doc("c", Story(3)));
        string outDir = Path.Combine(_dir, "out");
        var (exit, stdout, stderr) = Run("dedup", input, "--out", outDir);

        Assert.True(exit == 0, stderr);
        Assert.Contains("duplicate pairs", stdout);
        var pairs = File.ReadAllLines(Path.Combine(outDir, "pairs.jsonl")).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        var pair = Assert.Single(pairs);
        Assert.Equal("a", pair.GetProperty("a").GetString());
        Assert.Equal("a-copy", pair.GetProperty("b").GetString());
        Assert.Equal("duplicate", pair.GetProperty("relation").GetString());
        foreach (var field in new[] { "resemblance", "containment_a_in_b", "containment_b_in_a", "shared_words" })
            Assert.True(pair.GetProperty(field).GetDouble() > 0, field);

        var cluster = JsonDocument.Parse(Assert.Single(File.ReadAllLines(Path.Combine(outDir, "clusters.jsonl")))).RootElement;
        Assert.Equal("a-copy", cluster.GetProperty("representative").GetString()); // the longer copy
        Assert.Equal(["a", "a-copy"], cluster.GetProperty("members").EnumerateArray().Select(m => m.GetString()));

        var kept = File.ReadAllLines(Path.Combine(outDir, "dedup", "news.jsonl")).Select(l => JsonDocument.Parse(l).RootElement.GetProperty("id").GetString()).ToList();
        Assert.Equal(["b", "a-copy", "c"], kept);
        Assert.Empty(Directory.GetFiles(outDir, "*.tmp", SearchOption.AllDirectories));
        var summary = JsonDocument.Parse(File.ReadAllText(Path.Combine(outDir, "summary.json"))).RootElement;
        Assert.Equal(4, summary.GetProperty("documents").GetInt32());
        var stages = summary.GetProperty("stage_seconds").EnumerateObject().ToList();
        Assert.Equal(["read_sketch", "candidates", "verify", "cluster", "write"], stages.Select(s => s.Name));
        Assert.All(stages, s => Assert.InRange(s.Value.GetDouble(), 0, summary.GetProperty("seconds").GetDouble()));
        // CPU seconds are the whole process's (here the test host's, with other tests running), so only their shape is checked.
        var cpu = summary.GetProperty("stage_cpu_seconds").EnumerateObject().ToList();
        Assert.Equal(["read_sketch", "candidates", "verify", "cluster", "write", "before_read"], cpu.Select(s => s.Name));
        Assert.All(cpu, s => Assert.True(s.Value.GetDouble() >= 0, s.Name));
    }

    [Fact]
    public void Tokens_characters_takes_letter_sized_defaults_unless_a_length_is_given()
    {
        string story = string.Join("\n", new TextMaker(41).Paragraphs(6));
        var docs = new List<object> { Doc("original", story), Doc("scanned", NearDup.Quality.OcrEvaluation.Damage(story, 0.06, seed: 7)) };
        for (int i = 0; i < 8; i++) docs.Add(Doc($"other-{i}", Story(600 + i)));
        string input = WriteJsonl("ocr.jsonl", [.. docs]);
        string[] Pairs(string name, params string[] extra)
        {
            Assert.Equal(0, Run(["dedup", input, "--out", Path.Combine(_dir, name), "--no-copy", "--tokens", "Characters", .. extra]).Exit);
            return File.ReadAllLines(Path.Combine(_dir, name, "pairs.jsonl"));
        }

        var letters = Pairs("letters");
        Assert.Contains("\"a\":\"original\",\"b\":\"scanned\"", Assert.Single(letters));
        // The default shingle is 10 letters, not the 5 of words; a length given on the command line wins.
        Assert.Equal(letters, Pairs("ten", "--shingle-size", "10", "--min-shared-words", "150"));
        var five = Assert.Single(Pairs("five", "--shingle-size", "5"));
        Assert.NotEqual(letters[0], five);
    }

    [Fact]
    public void Output_is_identical_across_runs_and_thread_counts()
    {
        var docs = Enumerable.Range(0, 40).Select(i => Doc($"d{i}", Story(i % 13) + (i >= 13 ? " " + Story(100 + i) : ""))).ToArray();
        string input = WriteJsonl("many.jsonl", docs);
        Assert.Equal(0, Run("dedup", input, "--out", Path.Combine(_dir, "one"), "--threads", "1").Exit);
        Assert.Equal(0, Run("dedup", input, "--out", Path.Combine(_dir, "two"), "--threads", "2").Exit);
        foreach (var file in new[] { "pairs.jsonl", "clusters.jsonl", Path.Combine("dedup", "many.jsonl") })
            Assert.Equal(File.ReadAllText(Path.Combine(_dir, "one", file)), File.ReadAllText(Path.Combine(_dir, "two", file)));
        Assert.NotEmpty(File.ReadAllLines(Path.Combine(_dir, "one", "pairs.jsonl")));
    }

    [Theory]
    [InlineData("{\"id\":\"x\",\"text\":\"hello there\"", "bad.jsonl:2")]
    [InlineData("{\"text\":\"no id here at all\"}", "bad.jsonl:2")]
    [InlineData("{\"id\":\"y\"}", "bad.jsonl:2")]
    [InlineData("{\"id\":\"first\",\"text\":\"the same id again\"}", "bad.jsonl:2")]
    public void Bad_records_stop_the_run_with_exit_2_naming_file_and_line(string badLine, string where)
    {
        string input = WriteJsonl("bad.jsonl", Doc("first", "a perfectly fine first document"), badLine, Doc("third", "another fine document"));
        string outDir = Path.Combine(_dir, "out");
        var (exit, _, stderr) = Run("dedup", input, "--out", outDir);
        Assert.Equal(2, exit);
        Assert.Contains(where, stderr);
        Assert.False(File.Exists(Path.Combine(outDir, "pairs.jsonl")), "no output may be written for a failed read");
    }

    [Fact]
    public void Invalid_utf8_is_reported_with_file_and_line()
    {
        string path = Path.Combine(_dir, "latin.jsonl");
        File.WriteAllBytes(path, [.. "{\"id\":\"ok\",\"text\":\"fine\"}\n{\"id\":\"bad\",\"text\":\"caf"u8, 0xE9, .. "\"}\n"u8]);
        var (exit, _, stderr) = Run("dedup", path, "--out", Path.Combine(_dir, "out"));
        Assert.Equal(2, exit);
        Assert.Contains("latin.jsonl:2", stderr);
    }

    [Fact]
    public void Skip_bad_continues_and_reports_what_was_skipped()
    {
        string story = Story(5);
        string input = WriteJsonl("mixed.jsonl", Doc("a", story), "not json at all", Doc("b", story), "{\"id\":\"c\"}");
        string outDir = Path.Combine(_dir, "out");
        var (exit, _, stderr) = Run("dedup", input, "--out", outDir, "--skip-bad");
        Assert.Equal(0, exit);
        Assert.Contains("Skipped 2 bad record(s)", stderr);
        Assert.Equal(2, JsonDocument.Parse(File.ReadAllText(Path.Combine(outDir, "summary.json"))).RootElement.GetProperty("skipped").GetInt32());
        Assert.Single(File.ReadAllLines(Path.Combine(outDir, "pairs.jsonl")));
    }

    [Fact]
    public void Missing_input_and_bad_options_exit_2()
    {
        Assert.Equal(2, Run("dedup", Path.Combine(_dir, "nope.jsonl"), "--out", Path.Combine(_dir, "o")).Exit);
        string input = WriteJsonl("ok.jsonl", Doc("a", "text"));
        var (exit, _, stderr) = Run("dedup", input, "--out", Path.Combine(_dir, "o"), "--duplicate", "1.5");
        Assert.Equal(2, exit);
        Assert.Contains("DuplicateResemblance", stderr);
    }

    [Fact]
    public void A_folder_of_text_files_is_read_with_paths_as_ids()
    {
        string folder = Path.Combine(_dir, "texts");
        Directory.CreateDirectory(Path.Combine(folder, "sub"));
        string story = Story(9);
        File.WriteAllText(Path.Combine(folder, "one.txt"), story);
        File.WriteAllText(Path.Combine(folder, "sub", "two.txt"), story + " A closing remark.");
        File.WriteAllText(Path.Combine(folder, "three.txt"), Story(10));
        string outDir = Path.Combine(_dir, "out");
        Assert.Equal(0, Run("dedup", folder, "--out", outDir).Exit);
        var pair = JsonDocument.Parse(Assert.Single(File.ReadAllLines(Path.Combine(outDir, "pairs.jsonl")))).RootElement;
        Assert.Equal(new[] { "one.txt", "sub/two.txt" }, new[] { pair.GetProperty("a").GetString(), pair.GetProperty("b").GetString() }.Order());
    }
}

public sealed class SampleTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("neardup-sample-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void The_bundled_sample_gives_exactly_its_three_documented_pairs()
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        int exit = Cli.Program.Run(["dedup", TestPaths.Sample, "--out", _dir, "--progress", "None"], stdout, stderr);
        Assert.True(exit == 0, stderr.ToString());

        var pairs = File.ReadAllLines(Path.Combine(_dir, "pairs.jsonl"))
            .Select(l => System.Text.Json.JsonDocument.Parse(l).RootElement)
            .Select(p => $"{p.GetProperty("a").GetString()} {p.GetProperty("relation").GetString()} {p.GetProperty("b").GetString()}")
            .Order(StringComparer.Ordinal).ToArray();
        Assert.Equal([
            "harbour-flood-wire duplicate harbour-flood-coastal-times",
            "museum-reopening contains museum-reopening-brief",
            "rail-strike-wire partial valley-rail-strike-commuters",
        ], pairs);
        // The seven Valley Courier stories share a 46-word footer and nothing else: none of them pair up by it.
        var kept = File.ReadAllLines(Path.Combine(_dir, "dedup", "news-sample.jsonl"));
        Assert.Equal(14, kept.Length);
        Assert.DoesNotContain(kept, l => l.Contains("\"id\":\"harbour-flood-wire\""));
        Assert.DoesNotContain(kept, l => l.Contains("\"id\":\"museum-reopening-brief\""));
    }
}
