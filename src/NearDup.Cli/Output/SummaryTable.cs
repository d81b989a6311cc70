using Spectre.Console;

namespace NearDup.Cli.Output;

/// <summary>The end-of-run summary on the terminal.</summary>
public static class SummaryTable
{
    /// <summary>Writes the summary of <paramref name="summary"/> to <paramref name="stdout"/>.</summary>
    public static void Write(TextWriter stdout, RunSummary summary)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(stdout),
            Ansi = stdout == Console.Out && !Console.IsOutputRedirected ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = stdout == Console.Out && !Console.IsOutputRedirected ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
        });
        var table = new Table().Border(TableBorder.Rounded).Title("neardup dedup").AddColumn("what").AddColumn(new TableColumn("count").RightAligned());
        void Row(string what, string value) => table.AddRow(Markup.Escape(what), Markup.Escape(value));
        Row("documents read", $"{summary.Documents:N0}");
        if (summary.Skipped > 0) Row("bad records skipped", $"{summary.Skipped:N0}");
        Row("candidate pairs verified", $"{summary.CandidatePairs:N0}");
        Row("duplicate pairs", $"{summary.Duplicates:N0}");
        Row("containment pairs", $"{summary.Containments:N0}");
        Row("partial-reuse pairs", $"{summary.Partials:N0}");
        Row("clusters of copies", $"{summary.Clusters:N0}");
        Row("documents kept", $"{summary.Kept:N0}");
        Row("furniture shingles", $"{summary.FurnitureFingerprints:N0}");
        Row("input", $"{summary.InputBytes / 1e6:N1} MB in {summary.Seconds:N2} s ({summary.InputBytes / 1e6 / Math.Max(summary.Seconds, 1e-3):N1} MB/s)");
        console.Write(table);
        console.WriteLine($"Output written to {summary.OutputDirectory}");
    }
}

/// <summary>The figures of a finished run, also written to summary.json.</summary>
public sealed record RunSummary(
    long Documents, long Skipped, long CandidatePairs, int Duplicates, int Containments, int Partials, int Clusters, int Kept,
    int FurnitureFingerprints, long InputBytes, double Seconds, string OutputDirectory);
