using System.Text;
using NearDup.Text;

namespace NearDup.Align.Tests;

/// <summary>Locates the repository and the ../shared folder beside it.</summary>
public static class TestPaths
{
    public static string? RepoRoot { get; } = FindRepoRoot();

    /// <summary>../shared beside the folder holding NearDup.sln (or NEARDUP_SHARED when set); null when the repository is not found.</summary>
    public static string? Shared { get; } =
        Environment.GetEnvironmentVariable("NEARDUP_SHARED") is { Length: > 0 } env ? env
        : RepoRoot is null ? null : Path.GetFullPath(Path.Combine(RepoRoot, "..", "shared"));

    public static string SharedFile(params string[] parts) => Path.Combine([Shared ?? "(no ../shared)", .. parts]);

    private static string? FindRepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "NearDup.sln"))) return dir.FullName;
        return null;
    }
}

/// <summary>A fact that needs a file under ../shared: skipped, with the path it looked for, when the file is missing.</summary>
public sealed class SharedDataFactAttribute : FactAttribute
{
    public SharedDataFactAttribute(params string[] relativePaths)
    {
        foreach (string relative in relativePaths)
        {
            string path = TestPaths.SharedFile(relative);
            if (TestPaths.Shared is null || !File.Exists(path))
            {
                Skip = $"needs {path} (the example data placed beside the clone as ../shared); not found, so skipped";
                return;
            }
        }
    }
}

/// <summary>Python-style (code point) string indexing, to check offsets the way a Python consumer reads them.</summary>
public static class Py
{
    public static Rune[] CodePoints(string s) => s.EnumerateRunes().ToArray();

    /// <summary><c>s[start:end]</c> in Python.</summary>
    public static string Slice(string s, int start, int end)
    {
        var runes = CodePoints(s);
        Assert.InRange(start, 0, runes.Length);
        Assert.InRange(end, start, runes.Length);
        var sb = new StringBuilder();
        for (int i = start; i < end; i++) sb.Append(runes[i].ToString());
        return sb.ToString();
    }

    /// <summary>Python's <c>len(s[:utf16Index])</c>: the code point offset of a .NET string index.</summary>
    public static int CodePointOffset(string s, int utf16Index) => s[..utf16Index].EnumerateRunes().Count();

    /// <summary>The code point offset of the first occurrence of <paramref name="value"/> (must occur).</summary>
    public static int Find(string s, string value)
    {
        int i = s.IndexOf(value, StringComparison.Ordinal);
        Assert.True(i >= 0, $"'{value}' not found");
        return CodePointOffset(s, i);
    }
}

public static class Tok
{
    public static int Count(string text, TokenizerOptions? options = null)
    {
        var list = new TokenList();
        Tokenizer.Tokenize(text, options ?? TokenizerOptions.Default, list);
        return list.Count;
    }
}
