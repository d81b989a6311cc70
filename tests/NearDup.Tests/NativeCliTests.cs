using System.Diagnostics;
using System.IO.Compression;
using System.Net;
using System.Text.Json;
using Parquet;
using Parquet.Schema;

namespace NearDup.Tests;

/// <summary>
/// The natively compiled CLI that <c>./neardup</c> builds where clang is present: no run-time code generation, so
/// anything that relied on reflection (JSON serialisation, Parquet column types) would fail only there. Each test runs
/// the native executable and the CLI in this process (the runtime build) on the same input and requires the same
/// files, byte for byte, and the same errors.
/// </summary>
public sealed class NativeCliTests : IClassFixture<NativeCliTests.NativeBuild>, IDisposable
{
    private readonly NativeBuild _native;
    private readonly string _dir = Directory.CreateTempSubdirectory("neardup-native-").FullName;

    public NativeCliTests(NativeBuild native) => _native = native;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    /// <summary>Builds the native CLI once for the class, through <c>./neardup</c> as a user would.</summary>
    public sealed class NativeBuild
    {
        public string Executable { get; } = Path.Combine(TestPaths.RepoRoot, ".neardup-build", "native", "NearDup.Cli");
        public string? BuildLog { get; }

        public NativeBuild()
        {
            if (!NativeFactAttribute.HasClang) return;
            var (exit, stdout, stderr) = Start("bash", [Path.Combine(TestPaths.RepoRoot, "neardup"), "--help"], TestPaths.RepoRoot);
            BuildLog = $"exit {exit}\n{stdout}\n{stderr}";
        }
    }

    private static (int Exit, string Out, string Err) Start(string file, IEnumerable<string> args, string workingDirectory)
    {
        var info = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = workingDirectory };
        foreach (string arg in args) info.ArgumentList.Add(arg);
        info.Environment.Remove("NEARDUP_NATIVE");
        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        return (process.ExitCode, stdout.Result, stderr.Result);
    }

    private (int Exit, string Out, string Err) RunNative(params string[] args)
    {
        Assert.True(File.Exists(_native.Executable), $"./neardup did not produce {_native.Executable}: {_native.BuildLog}");
        return Start(_native.Executable, [.. args, "--progress", "None"], _dir);
    }

    private static (int Exit, string Out, string Err) RunHere(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        int exit = Cli.Program.Run([.. args, "--progress", "None"], stdout, stderr);
        return (exit, stdout.ToString(), stderr.ToString());
    }

    private static (string Id, string Text)[] SampleDocuments() =>
        File.ReadLines(TestPaths.Sample).Select(line => JsonDocument.Parse(line).RootElement)
            .Select(r => (r.GetProperty("id").GetString()!, r.GetProperty("text").GetString()!)).ToArray();

    /// <summary>Runs dedup (with passages and the HTML report) both ways and requires identical output files;
    /// summary.json differs only in its timings, so its counts are compared instead.</summary>
    private void AssertSameDedup(string input, params string[] extra)
    {
        string native = Path.Combine(_dir, "native"), here = Path.Combine(_dir, "here");
        var n = RunNative(["dedup", input, "--out", native, "--passages", "--report", native + "-report", .. extra]);
        var h = RunHere(["dedup", input, "--out", here, "--passages", "--report", here + "-report", .. extra]);
        Assert.True(h.Exit == 0, h.Err);
        Assert.True(n.Exit == 0, n.Err);

        foreach (var (nativeDir, hereDir) in new[] { (native, here), (native + "-report", here + "-report") })
        {
            var files = Directory.GetFiles(hereDir, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(hereDir, f)).Order().ToList();
            Assert.Equal(files, Directory.GetFiles(nativeDir, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(nativeDir, f)).Order());
            foreach (string file in files.Where(f => f != "summary.json"))
                Assert.True(File.ReadAllBytes(Path.Combine(hereDir, file)).AsSpan().SequenceEqual(File.ReadAllBytes(Path.Combine(nativeDir, file))), $"{file} differs");
        }
        var nativeSummary = JsonDocument.Parse(File.ReadAllText(Path.Combine(native, "summary.json"))).RootElement;
        var hereSummary = JsonDocument.Parse(File.ReadAllText(Path.Combine(here, "summary.json"))).RootElement;
        Assert.Equal(hereSummary.EnumerateObject().Select(p => p.Name), nativeSummary.EnumerateObject().Select(p => p.Name));
        foreach (string count in new[] { "documents", "skipped", "candidate_pairs", "duplicate_pairs", "containment_pairs", "partial_pairs", "clusters", "kept", "furniture_shingles" })
            Assert.Equal(hereSummary.GetProperty(count).GetInt64(), nativeSummary.GetProperty(count).GetInt64());
        Assert.True(nativeSummary.GetProperty("duplicate_pairs").GetInt32() + nativeSummary.GetProperty("partial_pairs").GetInt32() > 0,
            "the input should hold related pairs, or the comparison shows little");
    }

    [NativeFact]
    public void Jsonl_and_gzip_jsonl_give_the_same_output_as_the_runtime_build()
    {
        AssertSameDedup(TestPaths.Sample);
        string gzip = Path.Combine(_dir, "news.jsonl.gz");
        using (var output = new GZipStream(File.Create(gzip), CompressionLevel.Fastest))
            output.Write(File.ReadAllBytes(TestPaths.Sample));
        AssertSameDedup(gzip);
    }

    [NativeFact]
    public async Task Parquet_with_nullable_repeated_date_and_double_columns_gives_the_same_output_and_copy()
    {
        var docs = SampleDocuments();
        string path = Path.Combine(_dir, "news.parquet");
        var id = new DataField<string>("id");
        var text = new DataField<string>("text");
        var views = new DataField<int?>("views");
        var published = new DataField<DateTime>("published");
        var score = new DataField<double>("score");
        var tags = new DataField<int[]>("tags");
        await using (var file = File.Create(path))
        await using (var writer = await ParquetWriter.CreateAsync(new ParquetSchema(id, text, views, published, score, tags), file))
        {
            using var group = writer.CreateRowGroup();
            await group.WriteAsync(id, docs.Select(d => d.Id).ToArray());
            await group.WriteAsync(text, docs.Select(d => d.Text).ToArray());
            await group.WriteAsync<int>(views, docs.Select((_, i) => i % 3 == 0 ? (int?)null : i).ToArray().AsMemory());
            await group.WriteAsync<DateTime>(published, docs.Select((_, i) => new DateTime(2026, 1, 1).AddDays(i)).ToArray().AsMemory());
            await group.WriteAsync<double>(score, docs.Select((_, i) => i * 0.5).ToArray().AsMemory());
            await group.WriteAsync<int>(tags, docs.SelectMany((_, i) => new[] { i, i + 1 }).ToArray().AsMemory(),
                docs.SelectMany(_ => new[] { 0, 1 }).ToArray().AsMemory());
            group.CompleteValidate();
        }
        AssertSameDedup(path);
        Assert.True(new FileInfo(Path.Combine(_dir, "native", "dedup", "news.parquet")).Length > 0);
    }

    [NativeFact]
    public void Text_and_html_folders_give_the_same_output()
    {
        var docs = SampleDocuments();
        string texts = Path.Combine(_dir, "texts"), pages = Path.Combine(_dir, "pages");
        Directory.CreateDirectory(texts);
        Directory.CreateDirectory(pages);
        for (int i = 0; i < docs.Length; i++)
        {
            File.WriteAllText(Path.Combine(texts, $"{i:D2}.txt"), docs[i].Text);
            string body = string.Concat(docs[i].Text.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(p => $"<p>{WebUtility.HtmlEncode(p)}</p>\n"));
            File.WriteAllText(Path.Combine(pages, $"{i:D2}.html"),
                $"<html><head><title>{WebUtility.HtmlEncode(docs[i].Id)}</title></head><body><nav><a href=\"/\">Home</a> <a href=\"/world\">World</a></nav>" +
                $"<article><h1>{WebUtility.HtmlEncode(docs[i].Id)}</h1>\n{body}</article><footer>Copyright Example News</footer></body></html>");
        }
        AssertSameDedup(texts);
        AssertSameDedup(pages, "--skip-bad");
    }

    [NativeFact]
    public void Compare_json_html_and_terminal_views_are_the_same()
    {
        var docs = SampleDocuments();
        string a = Path.Combine(_dir, "a.txt"), b = Path.Combine(_dir, "b.txt");
        File.WriteAllText(a, docs[0].Text);
        File.WriteAllText(b, docs[1].Text);
        var nativeJson = RunNative("compare", a, b, "--json");
        var hereJson = RunHere("compare", a, b, "--json");
        Assert.True(nativeJson.Exit == 0, nativeJson.Err);
        Assert.Equal(hereJson.Out, nativeJson.Out);
        Assert.Contains("\"passages\"", nativeJson.Out);

        var nativeHtml = RunNative("compare", a, b, "--html", Path.Combine(_dir, "native.html"));
        RunHere("compare", a, b, "--html", Path.Combine(_dir, "here.html"));
        Assert.True(nativeHtml.Exit == 0, nativeHtml.Err);
        Assert.Equal(File.ReadAllText(Path.Combine(_dir, "here.html")), File.ReadAllText(Path.Combine(_dir, "native.html")));

        var nativeView = RunNative("compare", "--corpus", TestPaths.Sample, docs[0].Id, docs[1].Id);
        var hereView = RunHere("compare", "--corpus", TestPaths.Sample, docs[0].Id, docs[1].Id);
        Assert.Equal(hereView.Out, nativeView.Out);
    }

    [NativeFact]
    public void Bad_input_fails_with_the_same_message_and_exit_code()
    {
        string bad = Path.Combine(_dir, "bad.jsonl");
        File.WriteAllText(bad, "{\"id\":\"a\",\"text\":\"some words here\"}\n{\"id\": \"b\",\n");
        var native = RunNative("dedup", bad, "--out", Path.Combine(_dir, "native"));
        var here = RunHere("dedup", bad, "--out", Path.Combine(_dir, "here"));
        Assert.Equal(2, native.Exit);
        Assert.Equal(here.Err, native.Err);
        Assert.Contains("bad.jsonl:2", native.Err);
    }
}

/// <summary>A fact that needs clang (the native build's toolchain); skipped with a message where it is missing.</summary>
public sealed class NativeFactAttribute : FactAttribute
{
    public static bool HasClang { get; } = (Environment.GetEnvironmentVariable("PATH") ?? "")
        .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries).Any(dir => File.Exists(Path.Combine(dir, "clang")));

    public NativeFactAttribute()
    {
        if (!HasClang) Skip = "needs clang for ./neardup's native build (apt-get install clang zlib1g-dev); not found, so skipped";
    }
}
