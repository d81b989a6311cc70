using System.Text;
using NearDup;
using NearDup.Corpus;

namespace NearDup.Quality;

/// <summary>
/// Quality evaluations on the labelled sets in ../shared/data. Usage:
/// dotnet run -c Release --project bench/NearDup.Quality -- (clough|pan|chains|ocr|lsh|align-pan|align-clough|align-example|all) [SHARED_DATA_DIR] [--shingle-size K] [--characters]
/// or -- align-clough-passages SHARED_DATA_DIR ANSWER.txt... (the passages of named Clough answers, for reading)
/// Every figure in the README's quality table comes from this program.
/// </summary>
public static class Program
{
    public static int Main(string[] args)
    {
        int k = Array.IndexOf(args, "--shingle-size");
        var options = new NearDupOptions();
        if (k >= 0)
        {
            options = options with { ShingleSize = int.Parse(args[k + 1], System.Globalization.CultureInfo.InvariantCulture) };
            args = [.. args[..k], .. args[(k + 2)..]];
        }
        int c = Array.IndexOf(args, "--characters");
        if (c >= 0)
        {
            options = options.ForCharacters() with { ShingleSize = k >= 0 ? options.ShingleSize : NearDupOptions.CharacterShingleSize };
            args = [.. args[..c], .. args[(c + 1)..]];
        }
        string what = args.Length > 0 ? args[0] : "all";
        string data = args.Length > 1 ? args[1] : Path.GetFullPath(Path.Combine(FindRepoRoot(), "..", "shared", "data"));
        if (what is "clough" or "all") Console.WriteLine(Evaluations.Clough(Path.Combine(data, "clough-stevenson-short-answers"), options).Report);
        if (what is "pan" or "all") Console.WriteLine(Evaluations.Pan(Path.Combine(data, "pan13-text-alignment-subset"), options).Report);
        if (what is "chains" or "all") Console.WriteLine(Evaluations.StoryChains(Path.Combine(data, "news-story-chains-energy"), options).Report);
        if (what is "lsh" or "all") Console.WriteLine(LshCurve(options));
        if (what is "ocr" or "all") Console.WriteLine(OcrEvaluation.Run(Path.Combine(data, ".."), k >= 0 ? options.ShingleSize : null).Report);
        if (what is "align-pan" or "all")
        {
            string pan = Path.Combine(data, "pan13-text-alignment-subset");
            Console.WriteLine(AlignmentEvaluations.Pan(pan, NearDup.Align.AlignerOptions.Default).Report);
            Console.WriteLine(AlignmentEvaluations.ParameterTable(pan, Path.Combine(data, "clough-stevenson-short-answers")));
        }
        if (what is "align-clough-passages")
            Console.WriteLine(AlignmentEvaluations.CloughPassages(Path.Combine(data, "clough-stevenson-short-answers"), NearDup.Align.AlignerOptions.Default, args.Skip(2).ToArray()));
        if (what is "align-clough" or "all")
            Console.WriteLine(AlignmentEvaluations.Clough(Path.Combine(data, "clough-stevenson-short-answers"), NearDup.Align.AlignerOptions.Default).Report);
        if (what is "align-example" or "all")
            Console.WriteLine(AlignmentEvaluations.Example(Path.Combine(data, "..", "examples"), NearDup.Align.AlignerOptions.Default).Report);
        return 0;
    }

    /// <summary>The S-curve of the banding NearDup derives for its defaults, and of datasketch's default banding for comparison.</summary>
    private static string LshCurve(NearDupOptions options)
    {
        var ours = NearDup.Index.LshParameters.Optimal(options.LshThreshold, options.Permutations);
        // datasketch's MinHashLSH(threshold=0.5, num_perm=128) weights false positives and negatives equally.
        var equalWeights = NearDup.Index.LshParameters.Optimal(options.LshThreshold, options.Permutations, 0.5, 0.5);
        var sb = new StringBuilder($"lsh: threshold {options.LshThreshold}, {options.Permutations} permutations -> {ours.Bands} bands x {ours.Rows} rows (equal FP/FN weights would give {equalWeights.Bands} x {equalWeights.Rows})\n");
        sb.Append("lsh: resemblance  P(candidate) ours  P(candidate) equal-weights\n");
        for (double s = 0.1; s < 1.0001; s += 0.1)
            sb.Append($"lsh: {s,10:F1}  {ours.CandidateProbability(s),17:F4}  {equalWeights.CandidateProbability(s),26:F4}\n");
        return sb.ToString().TrimEnd();
    }

    internal static string FindRepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "NearDup.sln"))) return dir.FullName;
        return Directory.GetCurrentDirectory();
    }
}
