using System.Text;

namespace NearDup.Testing;

// Shared by every test project (linked in by tests/Directory.Build.props).

/// <summary>Locates the repository, its bundled sample and the ../shared data folder that CI places beside it.</summary>
public static class TestPaths
{
    public static string RepoRoot { get; } = FindRepoRoot();

    /// <summary>../shared beside the clone, or NEARDUP_SHARED when set.</summary>
    public static string Shared { get; } =
        Environment.GetEnvironmentVariable("NEARDUP_SHARED") is { Length: > 0 } env ? env : Path.GetFullPath(Path.Combine(RepoRoot, "..", "shared"));

    public static string SharedFile(params string[] parts) => Path.Combine([Shared, .. parts]);

    public static string Sample => Path.Combine(RepoRoot, "samples", "news-sample.jsonl");

    private static string FindRepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "NearDup.sln"))) return dir.FullName;
        throw new InvalidOperationException("Cannot find NearDup.sln above " + AppContext.BaseDirectory);
    }
}

/// <summary>
/// A fact that needs files or folders under ../shared (present in CI, absent in a user's fresh clone): skipped with a
/// message naming the first missing path.
/// </summary>
public sealed class SharedDataFactAttribute : FactAttribute
{
    public SharedDataFactAttribute(params string[] relativePaths)
    {
        foreach (string relative in relativePaths)
        {
            string path = TestPaths.SharedFile(relative);
            if (Path.Exists(path)) continue;
            Skip = $"needs {path} (the evaluation data CI places beside the clone as ../shared); not found, so skipped";
            return;
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

    /// <summary><c>len(s)</c> in Python.</summary>
    public static int Len(string s) => s.EnumerateRunes().Count();

    /// <summary>Python's <c>len(s[:utf16Index])</c>: the code point offset of a .NET string index.</summary>
    public static int CodePointOffset(string s, int utf16Index) => s[..utf16Index].EnumerateRunes().Count();

    /// <summary><c>s.find(sub)</c> in Python (a code point offset); fails when absent.</summary>
    public static int Find(string s, string sub)
    {
        int i = s.IndexOf(sub, StringComparison.Ordinal);
        Assert.True(i >= 0, $"'{sub}' not found");
        return CodePointOffset(s, i);
    }
}
