using System.CommandLine;
using System.Diagnostics;
using System.Text.Json;
using NearDup.Cli.Output;
using NearDup.Corpus;
using NearDup.Output;
using NearDup.Report;
using NearDup.Text;

namespace NearDup.Cli.Commands;

/// <summary><c>neardup dedup INPUT... --out DIR</c>: pairs, clusters, a de-duplicated copy and a summary.</summary>
public static class DedupCommand
{
    // Defaults come from the library's options, so the CLI cannot drift from docs/PARAMETERS.md.
    private static readonly NearDupOptions Defaults = new();

    private static readonly Argument<string[]> Inputs = new("inputs")
    {
        Description = "JSONL (.jsonl, .jsonl.gz), Parquet, or a folder of .txt or .html files.",
        Arity = ArgumentArity.OneOrMore,
    };
    private static readonly Option<string> Out = new("--out", "-o") { Description = "Output folder.", Required = true };
    private static readonly Option<CorpusFormat> Format = new("--format") { Description = "Input format; auto detects from the path.", DefaultValueFactory = _ => CorpusFormat.Auto };
    private static readonly Option<string> IdField = new("--id-field") { Description = "JSONL key / Parquet column of the id.", DefaultValueFactory = _ => "id" };
    private static readonly Option<string> TextField = new("--text-field") { Description = "JSONL key / Parquet column of the text.", DefaultValueFactory = _ => "text" };
    private static readonly Option<bool> SkipBad = new("--skip-bad") { Description = "Skip bad records (and report how many and why) instead of stopping at the first." };
    private static readonly Option<CorpusTextEncoding> Encoding = new("--encoding") { Description = "Text encoding of .txt files and JSONL bytes.", DefaultValueFactory = _ => CorpusTextEncoding.Utf8Strict };
    private static readonly Option<int> Threads = new("--threads") { Description = "Worker threads; 0 = all cores.", DefaultValueFactory = _ => 0 };
    private static readonly ScoringOptions Scoring = new();
    private static readonly Option<double> LshThreshold = new("--lsh-threshold") { Description = "Resemblance the LSH banding is tuned for.", DefaultValueFactory = _ => Defaults.LshThreshold };
    private static readonly Option<RepresentativeChoice> Keep = new("--keep") { Description = "Which copy of a cluster the de-duplicated output keeps.", DefaultValueFactory = _ => RepresentativeChoice.Longest };
    private static readonly Option<bool> NoCopy = new("--no-copy") { Description = "Do not write the de-duplicated copy of the input." };
    private static readonly Option<ProgressMode> Progress = new("--progress") { Description = "Progress display.", DefaultValueFactory = _ => ProgressMode.Auto };
    private static readonly Option<string?> Report = new("--report") { Description = "Also write an HTML report to this folder: index.html (sortable pairs table, charts, clusters) and pairs/<n>.html for the pair on line n of pairs.jsonl." };
    private static readonly Option<bool> Passages = new("--passages") { Description = "Add each pair's reused passages (code point offsets, similarity, edits; as compare --json) to pairs.jsonl." };

    /// <summary>Builds the command; its action writes through <paramref name="stdout"/> and <paramref name="stderr"/>.</summary>
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var command = new Command("dedup", "Find duplicates and partial reuse; write pairs.jsonl, clusters.jsonl and a de-duplicated copy.")
        {
            Inputs, Out, Format, IdField, TextField, SkipBad, Encoding, Threads, LshThreshold, Keep, NoCopy, Progress, Report, Passages,
        };
        foreach (var option in Scoring.All) command.Options.Add(option);
        command.SetAction((parse, cancellationToken) => Task.FromResult(Execute(parse, stdout, stderr, cancellationToken)));
        return command;
    }

    /// <summary>
    /// Aligns every pair (the texts of paired documents are read again and spilled to a temporary file in the output
    /// folder, so memory stays flat) and writes pairs.jsonl with a <c>passages</c> field when <paramref name="passages"/>
    /// is set, and/or the HTML report, in one pass over the pairs.
    /// </summary>
    private static void WritePairsWithPassages(string[] inputs, CorpusOptions corpusOptions, NearDupOptions options, DedupResult result,
        string outDir, string? reportDir, bool passages, IProgress<PipelineProgress> progress, CancellationToken cancellationToken)
    {
        progress.Report(new PipelineProgress(PipelineStage.Aligning, 0, result.Pairs.Count, 0, null));
        using var texts = PairTexts.Collect(NearDup.Corpus.Corpus.Open(inputs, corpusOptions).ReadDocuments(), result, spillDirectory: outDir, cancellationToken);
        using var report = reportDir is null ? null : new DedupReportWriter(reportDir, result.Pairs.Count);
        var summaries = new PairAlignmentSummary[result.Pairs.Count];
        var run = new PairAlignmentRun(result, texts, options);
        IEnumerable<ReadOnlyMemory<byte>> Aligned()
        {
            foreach (var output in run.Run(passages, report is null ? null : report.WritePairPage, progress, cancellationToken))
            {
                summaries[output.Index] = output.Summary;
                yield return output.PassagesJson;
            }
        }
        string pairsPath = Path.Combine(outDir, DedupOutputWriter.PairsFile);
        if (passages) DedupOutputWriter.WritePairs(pairsPath, result, Aligned());
        else
        {
            DedupOutputWriter.WritePairs(pairsPath, result);
            foreach (var _ in Aligned()) { }
        }
        report?.Complete(result, summaries, subtitle: string.Join(", ", inputs));
    }

    private static int Execute(ParseResult parse, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken)
    {
        var inputs = parse.GetValue(Inputs)!;
        string outDir = Path.GetFullPath(parse.GetValue(Out)!);
        var corpusOptions = new CorpusOptions
        {
            Format = parse.GetValue(Format),
            IdField = parse.GetValue(IdField)!,
            TextField = parse.GetValue(TextField)!,
            OnBadRecord = parse.GetValue(SkipBad) ? BadRecordAction.Skip : BadRecordAction.Fail,
            TextEncoding = parse.GetValue(Encoding),
            Threads = parse.GetValue(Threads),
        };
        var options = Scoring.Apply(parse, new NearDupOptions
        {
            Threads = parse.GetValue(Threads),
            LshThreshold = parse.GetValue(LshThreshold),
            Representative = parse.GetValue(Keep),
        });
        return CommandErrors.Run(stderr, () =>
        {
            options.Validate();
            corpusOptions.Validate();
            string? reportDir = parse.GetValue(Report) is { } report ? Path.GetFullPath(report) : null;
            if (reportDir is not null) DedupReportWriter.Validate(reportDir, protectedFolder: outDir);
            var clock = Stopwatch.StartNew();
            var startCpu = Environment.CpuUsage.TotalTime; // the runtime's start, JIT and option parsing before the run
            var reader = NearDup.Corpus.Corpus.Open(inputs, corpusOptions);
            Directory.CreateDirectory(outDir);
            // Shingles spill to a temporary file in the output folder (deleted at the end) so memory stays flat.
            var pipeline = new DedupPipeline(options, spillDirectory: outDir);
            using var result = ProgressDisplay.Run(parse.GetValue(Progress), stderr,
                progress => pipeline.Run(reader.ReadDocuments(), () => reader.BytesRead, reader.TotalBytes, progress, cancellationToken));

            double pipelineSeconds = clock.Elapsed.TotalSeconds;
            var pipelineCpu = Environment.CpuUsage.TotalTime;
            // The output files are independent and each is written atomically: write them side by side (each ends
            // with an fsync, and the de-duplicated copy streams the inputs again to copy the kept records).
            var writes = new List<Action>
            {
                () => DedupOutputWriter.WriteClusters(Path.Combine(outDir, DedupOutputWriter.ClustersFile), result),
            };
            if (!parse.GetValue(NoCopy))
                // From the reader's recorded lines and rows: JSONL and Parquet are not parsed again (folders still are).
                writes.Add(() => CorpusWriter.WriteSubset(reader, result.IsKept, Path.Combine(outDir, "dedup")));
            if (reportDir is null && !parse.GetValue(Passages))
                writes.Add(() => DedupOutputWriter.WritePairs(Path.Combine(outDir, DedupOutputWriter.PairsFile), result));
            else
                ProgressDisplay.Run(parse.GetValue(Progress), stderr, progress =>
                {
                    WritePairsWithPassages(inputs, corpusOptions, options, result, outDir, reportDir, parse.GetValue(Passages), progress, cancellationToken);
                    return 0;
                });
            try
            {
                Parallel.Invoke(new ParallelOptions { CancellationToken = cancellationToken }, [.. writes]);
            }
            catch (AggregateException e)
            {
                // Report the first failure as the sequential writes would have (a located CorpusException, an IOException).
                System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(e.InnerExceptions[0]).Throw();
            }
            clock.Stop();
            var stageSeconds = result.StageSeconds.ToDictionary(s => s.Key, s => Math.Round(s.Value, 3));
            stageSeconds["write"] = Math.Round(clock.Elapsed.TotalSeconds - pipelineSeconds, 3);
            var stageCpuSeconds = result.StageCpuSeconds.ToDictionary(s => s.Key, s => Math.Round(s.Value, 3));
            stageCpuSeconds["write"] = Math.Round((Environment.CpuUsage.TotalTime - pipelineCpu).TotalSeconds, 3);
            stageCpuSeconds["before_read"] = Math.Round(startCpu.TotalSeconds, 3);

            var summary = new RunSummary(
                result.Documents.Count, reader.SkipReport.Total, result.CandidatePairs, result.CountRelation(Relation.Duplicate),
                result.CountRelation(Relation.Contains) + result.CountRelation(Relation.Contained), result.CountRelation(Relation.Partial),
                result.Clusters.Count, result.KeptCount, result.FurnitureFingerprints, reader.BytesRead, clock.Elapsed.TotalSeconds, outDir);
            var summaryJson = new RunSummaryJson(
                summary.Documents, summary.Skipped, reader.SkipReport.ToString(), summary.CandidatePairs, summary.Duplicates,
                summary.Containments, summary.Partials, summary.Clusters, summary.Kept, summary.FurnitureFingerprints,
                summary.InputBytes, Math.Round(summary.Seconds, 3), stageSeconds, stageCpuSeconds,
                // The runtime's own cost: allocation churn shows up as collections and page faults, not in any stage's code.
                new GcSummaryJson(Math.Round(GC.GetTotalAllocatedBytes() / 1e6, 1),
                    [GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2)],
                    Math.Round(GC.GetTotalPauseDuration().TotalSeconds, 3)));
            AtomicFile.Write(Path.Combine(outDir, "summary.json"), s => JsonSerializer.Serialize(s, summaryJson, SummaryJsonContext.Default.RunSummaryJson));
            SummaryTable.Write(stdout, summary);
            if (reportDir is not null) stdout.WriteLine($"Report written to {Path.Combine(reportDir, DedupReportWriter.IndexFile)} ({result.Pairs.Count:N0} pair pages)");
            if (reader.SkipReport.Total > 0) stderr.WriteLine($"Skipped {reader.SkipReport.Total} bad record(s): {reader.SkipReport}");
            return Program.ExitOk;
        });
    }
}
