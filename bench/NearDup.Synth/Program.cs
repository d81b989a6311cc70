using System.Diagnostics;
using System.Globalization;
using NearDup.Synth;

Options options;
try
{
    options = Options.Parse(args);
}
catch (HelpRequested)
{
    Console.Out.WriteLine(Options.Usage);
    return 0;
}
catch (ArgumentException ex)
{
    Console.Error.WriteLine($"error: {ex.Message}");
    Console.Error.WriteLine();
    Console.Error.WriteLine(Options.Usage);
    return 2;
}

var clock = Stopwatch.StartNew();
Directory.CreateDirectory(options.Out!);
var lexicon = new Lexicon(options.Seed, options.Vocabulary);
var sites = Sites.Create(options.Seed, options.Sites, lexicon, options.Plain);
var plan = Plan.Build(options, sites);
var generator = new Generator(options, lexicon, sites, plan);

double setupSeconds = clock.Elapsed.TotalSeconds;
long bytes = CorpusWriter.Write(generator, sites, Path.Combine(options.Out!, "corpus.jsonl"), options.Threads);
double corpusSeconds = clock.Elapsed.TotalSeconds - setupSeconds;
var truth = Truth.Compute(generator, options.Threads);
Truth.Write(truth, plan, Path.Combine(options.Out!, "truth.jsonl"));
Truth.WriteSummary(truth, plan, sites, options, bytes, Path.Combine(options.Out!, "truth-summary.json"));

double seconds = clock.Elapsed.TotalSeconds;
var kinds = truth.GroupBy(p => p.Kind).ToDictionary(g => g.Key, g => g.Count());
Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"synth: docs={options.Docs} bytes={bytes} ({bytes / 1e6:F1} MB) pairs: duplicate={kinds.GetValueOrDefault(PairKind.Duplicate)} contained={kinds.GetValueOrDefault(PairKind.Contained)} partial={kinds.GetValueOrDefault(PairKind.Partial)} seed={options.Seed} seconds={seconds:F1} (setup {setupSeconds:F1}, corpus {corpusSeconds:F1}, truth {seconds - setupSeconds - corpusSeconds:F1}; {bytes / 1e6 / seconds:F0} MB/s) -> {options.Out}"));
return 0;
