using System.Text.Json.Serialization;

namespace NearDup.Cli.Output;

/// <summary>The run's <c>summary.json</c>: counts, sizes and where the time went (wall and CPU seconds per stage).</summary>
internal sealed record RunSummaryJson(
    long Documents, long Skipped, string SkippedByReason, long CandidatePairs, int DuplicatePairs, int ContainmentPairs,
    int PartialPairs, int Clusters, int Kept, int FurnitureShingles, long InputBytes, double Seconds,
    IReadOnlyDictionary<string, double> StageSeconds, IReadOnlyDictionary<string, double> StageCpuSeconds, GcSummaryJson Gc);

/// <summary>The garbage collector's share of a run: megabytes allocated, collections of generations 0, 1 and 2, and
/// the total time threads were paused for them.</summary>
internal sealed record GcSummaryJson(double AllocatedMb, int[] Collections, double PauseSeconds);

/// <summary>Serialises the summary with code generated at build time, not reflection, so the natively compiled CLI
/// (<c>./neardup</c>) writes it too.</summary>
[JsonSourceGenerationOptions(WriteIndented = true, PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower)]
[JsonSerializable(typeof(RunSummaryJson))]
internal sealed partial class SummaryJsonContext : JsonSerializerContext;
