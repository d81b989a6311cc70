using System.Diagnostics;
using Spectre.Console;

namespace NearDup.Cli.Output;

/// <summary>How progress is shown.</summary>
public enum ProgressMode
{
    /// <summary>A live bar on an interactive terminal, plain log lines otherwise.</summary>
    Auto,
    /// <summary>Always the live bar.</summary>
    Bar,
    /// <summary>Plain periodic log lines (for logs and CI).</summary>
    Log,
    /// <summary>Nothing.</summary>
    None,
}

/// <summary>Shows pipeline progress: a live bar with docs/s and ETA, or a log line every few seconds.</summary>
public static class ProgressDisplay
{
    private static readonly TimeSpan LogInterval = TimeSpan.FromSeconds(2);

    /// <summary>Runs <paramref name="work"/>, showing the progress it reports on <paramref name="stderr"/>.</summary>
    public static T Run<T>(ProgressMode mode, TextWriter stderr, Func<IProgress<PipelineProgress>, T> work)
    {
        if (mode == ProgressMode.Auto)
            mode = !Console.IsErrorRedirected && AnsiConsole.Profile.Capabilities.Interactive ? ProgressMode.Bar : ProgressMode.Log;
        return mode switch
        {
            ProgressMode.Bar => RunWithBar(stderr, work),
            ProgressMode.Log => RunWithLog(stderr, work),
            _ => work(new Progress<PipelineProgress>(_ => { })),
        };
    }

    private static T RunWithLog<T>(TextWriter stderr, Func<IProgress<PipelineProgress>, T> work)
    {
        var clock = Stopwatch.StartNew();
        var gate = new object();
        var last = TimeSpan.Zero;
        PipelineStage? lastStage = null;
        var sink = new SyncProgress(report =>
        {
            lock (gate)
            {
                bool newStage = report.Stage != lastStage;
                if (!newStage && clock.Elapsed - last < LogInterval) return;
                last = clock.Elapsed;
                lastStage = report.Stage;
                stderr.WriteLine($"[{clock.Elapsed:hh\\:mm\\:ss}] {Describe(report, clock.Elapsed)}");
            }
        });
        var result = work(sink);
        stderr.WriteLine($"[{clock.Elapsed:hh\\:mm\\:ss}] done");
        return result;
    }

    private static T RunWithBar<T>(TextWriter stderr, Func<IProgress<PipelineProgress>, T> work)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(stderr) });
        T result = default!;
        var clock = Stopwatch.StartNew();
        console.Progress()
            .AutoClear(false)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn(), new SpinnerColumn())
            .Start(context =>
            {
                var tasks = new Dictionary<PipelineStage, ProgressTask>();
                var gate = new object();
                var sink = new SyncProgress(report =>
                {
                    lock (gate)
                    {
                        if (!tasks.TryGetValue(report.Stage, out var task))
                        {
                            foreach (var previous in tasks.Values) previous.Value = previous.MaxValue;
                            task = tasks[report.Stage] = context.AddTask(report.Stage.ToString(), maxValue: 1);
                        }
                        task.Description = Describe(report, clock.Elapsed);
                        if (report.TotalBytes is > 0 && report.Stage == PipelineStage.Sketching)
                            task.Value = (double)report.BytesRead / report.TotalBytes.Value;
                        else if (report.Total is > 0)
                            task.Value = (double)report.Done / report.Total.Value;
                        else
                            task.IsIndeterminate = true;
                    }
                });
                result = work(sink);
                lock (gate)
                    foreach (var task in tasks.Values) { task.IsIndeterminate = false; task.Value = task.MaxValue; }
            });
        return result;
    }

    private static string Describe(PipelineProgress report, TimeSpan elapsed)
    {
        double seconds = Math.Max(elapsed.TotalSeconds, 1e-3);
        return report.Stage switch
        {
            PipelineStage.Sketching =>
                $"reading {report.Done:N0} docs, {report.Done / seconds:N0} docs/s, {report.BytesRead / seconds / 1e6:N1} MB/s" +
                (report.TotalBytes is > 0 ? $", {100.0 * report.BytesRead / report.TotalBytes.Value:N0}%" + Eta(report.BytesRead, report.TotalBytes.Value, seconds) : ""),
            PipelineStage.Candidates => "finding candidates",
            PipelineStage.Verifying => $"verifying {report.Done:N0}/{report.Total:N0} candidate pairs",
            PipelineStage.Aligning => $"aligning {report.Done:N0}/{report.Total:N0} pairs, {report.Done / seconds:N0} pairs/s" +
                (report.Total is > 0 ? Eta(report.Done, report.Total.Value, seconds) : ""),
            _ => "clustering",
        };
    }

    private static string Eta(long done, long total, double seconds) =>
        done <= 0 ? "" : $", ETA {TimeSpan.FromSeconds(Math.Max(0, seconds * (total - done) / done)):hh\\:mm\\:ss}";

    /// <summary>Reports synchronously on the calling thread (System.Progress would post to the thread pool and reorder reports).</summary>
    private sealed class SyncProgress(Action<PipelineProgress> handler) : IProgress<PipelineProgress>
    {
        public void Report(PipelineProgress value) => handler(value);
    }
}
