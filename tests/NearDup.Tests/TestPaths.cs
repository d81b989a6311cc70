namespace NearDup.Tests;

/// <summary>Locates the repository and the ../shared data folder that CI places beside it.</summary>
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

/// <summary>A fact that needs ../shared (present in CI, absent in a user's fresh clone): skipped with a clear message when missing.</summary>
public sealed class SharedDataFactAttribute : FactAttribute
{
    public SharedDataFactAttribute(string relativePath)
    {
        if (!Path.Exists(Path.Combine(TestPaths.Shared, relativePath)))
            Skip = $"needs {Path.Combine(TestPaths.Shared, relativePath)} (the evaluation data CI places beside the clone as ../shared); not found, so skipped";
    }
}
