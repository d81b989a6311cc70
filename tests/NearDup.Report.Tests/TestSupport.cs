using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace NearDup.Report.Tests;

/// <summary>Runs the CLI in-process and reads its outputs.</summary>
public static class Cli
{
    public static (int Exit, string Out, string Err) Run(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        int exit = NearDup.Cli.Program.Run(args, stdout, stderr);
        return (exit, stdout.ToString(), stderr.ToString());
    }

    public static JsonElement Json(string text) => JsonDocument.Parse(text).RootElement;

    public static List<JsonElement> JsonLines(string path) => File.ReadAllLines(path).Select(Json).ToList();
}

/// <summary>Reads the pair page back: each side's text content and its passage spans.</summary>
public static partial class PageReader
{
    /// <summary>The text content of side <paramref name="side"/> ('a' or 'b'): tags stripped, entities decoded.</summary>
    public static string SideText(string html, char side)
    {
        string open = $"<div class=\"text\" id=\"text-{side}\" lang=\"\">";
        int start = html.IndexOf(open, StringComparison.Ordinal);
        Assert.True(start >= 0, $"side {side} not found");
        start += open.Length;
        int end = html.IndexOf("</div>\n</section>", start, StringComparison.Ordinal);
        Assert.True(end >= 0);
        return WebUtility.HtmlDecode(Tag().Replace(html[start..end], ""));
    }

    /// <summary>(id, twin) of every passage span.</summary>
    public static List<(string Id, string Twin)> PassageSpans(string html) =>
        PassageSpan().Matches(html).Select(m => (m.Groups[1].Value, m.Groups[2].Value)).ToList();

    [GeneratedRegex("<[^>]*>")]
    private static partial Regex Tag();

    [GeneratedRegex("<span class=\"p c\\d\" id=\"([ab]\\d+)\" data-twin=\"([ab]\\d+)\"")]
    private static partial Regex PassageSpan();
}

/// <summary>Made-up words for texts that share nothing by chance (deterministic per seed).</summary>
public sealed class Words(int seed)
{
    private static readonly string[] Syllables =
        ["ka", "lo", "mi", "ren", "tu", "sa", "vor", "pel", "an", "dri", "go", "hu", "zel", "ost", "ni", "bra", "que", "fim", "yo", "tar"];
    private readonly Random _random = new(seed);

    public string Word()
    {
        int n = _random.Next(2, 4);
        var sb = new StringBuilder();
        for (int i = 0; i < n; i++) sb.Append(Syllables[_random.Next(Syllables.Length)]);
        return sb.ToString();
    }

    public string Sentence(int words) => string.Join(' ', Enumerable.Range(0, words).Select(_ => Word())) + ".";

    public string Paragraphs(int paragraphs, int wordsEach = 40) => string.Join("\n", Enumerable.Range(0, paragraphs).Select(_ => Sentence(wordsEach)));
}

/// <summary>A temporary folder deleted when the test ends.</summary>
public sealed class TempFolder : IDisposable
{
    public string Path { get; } = Directory.CreateTempSubdirectory("neardup-report-").FullName;

    public string File(string name, string content)
    {
        string path = System.IO.Path.Combine(Path, name);
        System.IO.File.WriteAllText(path, content, new UTF8Encoding(false));
        return path;
    }

    public string Jsonl(string name, params (string Id, string Text)[] docs) =>
        File(name, string.Join("\n", docs.Select(d => JsonSerializer.Serialize(new { id = d.Id, text = d.Text }))) + "\n");

    public void Dispose()
    {
        try { Directory.Delete(Path, recursive: true); }
        catch (IOException) { }
    }
}
