using System.Text;
using NearDup;
using NearDup.Corpus;

namespace NearDup.Quality;

/// <summary>
/// Quality evaluations on the labelled sets in ../shared/data. Usage:
/// dotnet run -c Release --project bench/NearDup.Quality -- (clough|pan|chains|all) [SHARED_DATA_DIR]
/// Every figure in the README's quality table comes from this program.
/// </summary>
public static class Program
{
    public static int Main(string[] args)
    {
        string what = args.Length > 0 ? args[0] : "all";
        string data = args.Length > 1 ? args[1] : Path.GetFullPath(Path.Combine(FindRepoRoot(), "..", "shared", "data"));
        var options = new NearDupOptions();
        if (what is "clough" or "all") Console.WriteLine(Evaluations.Clough(Path.Combine(data, "clough-stevenson-short-answers"), options).Report);
        if (what is "pan" or "all") Console.WriteLine(Evaluations.Pan(Path.Combine(data, "pan13-text-alignment-subset"), options).Report);
        if (what is "chains" or "all") Console.WriteLine(Evaluations.StoryChains(Path.Combine(data, "news-story-chains-energy"), options).Report);
        return 0;
    }

    internal static string FindRepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "NearDup.sln"))) return dir.FullName;
        return Directory.GetCurrentDirectory();
    }
}
