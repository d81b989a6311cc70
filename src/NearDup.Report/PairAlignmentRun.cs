using System.Collections.Concurrent;
using System.Runtime.ExceptionServices;
using NearDup.Align;

namespace NearDup.Report;

/// <summary>What the index needs of one aligned pair.</summary>
/// <param name="Passages">Passages found.</param>
/// <param name="CoverageA">Share of A's words inside passages.</param>
/// <param name="CoverageB">Share of B's words inside passages.</param>
/// <param name="Edits">Edits inside the passages.</param>
public readonly record struct PairAlignmentSummary(int Passages, double CoverageA, double CoverageB, int Edits)
{
    /// <summary>The summary of <paramref name="alignment"/>.</summary>
    public static PairAlignmentSummary Of(Alignment alignment)
    {
        ArgumentNullException.ThrowIfNull(alignment);
        return new(alignment.Passages.Count, alignment.CoverageA, alignment.CoverageB, alignment.Passages.Sum(p => p.Edits.Count));
    }
}

/// <summary>One pair of a run with its texts and alignment, handed to a per-pair callback.</summary>
/// <param name="Index">0-based position of the pair in <see cref="DedupResult.Pairs"/> (line <c>Index + 1</c> of pairs.jsonl).</param>
/// <param name="Pair">The verified pair.</param>
/// <param name="IdA">Id of document A.</param>
/// <param name="IdB">Id of document B.</param>
/// <param name="TextA">Text of A.</param>
/// <param name="TextB">Text of B.</param>
/// <param name="Alignment">Its passages (furniture dropped).</param>
public sealed record AlignedPair(int Index, RelatedPair Pair, string IdA, string IdB, string TextA, string TextB, Alignment Alignment);

/// <summary>The outcome for one pair, in pair order.</summary>
/// <param name="Index">0-based position of the pair.</param>
/// <param name="Summary">Passages and coverage.</param>
/// <param name="PassagesJson">The passages as a compact JSON array (UTF-8), when asked for.</param>
public readonly record struct AlignedPairOutput(int Index, PairAlignmentSummary Summary, byte[]? PassagesJson);

/// <summary>
/// Aligns every pair of a run on all threads, one <see cref="ReportAligner"/> per thread, in chunks of
/// <see cref="ChunkSize"/> pairs so that memory stays bounded: each chunk is aligned in parallel (the per-pair
/// callback runs then, on the worker threads), and its outputs are yielded in pair order before the next starts.
/// The outputs do not depend on the thread count.
/// </summary>
public sealed class PairAlignmentRun
{
    /// <summary>Pairs aligned per parallel step.</summary>
    public const int ChunkSize = 2048;

    private readonly DedupResult _result;
    private readonly PairTexts _texts;
    private readonly NearDupOptions _options;

    /// <summary>Prepares to align the pairs of <paramref name="result"/>, a run made with <paramref name="options"/>.</summary>
    public PairAlignmentRun(DedupResult result, PairTexts texts, NearDupOptions options)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(texts);
        ArgumentNullException.ThrowIfNull(options);
        _result = result;
        _texts = texts;
        _options = options;
    }

    /// <summary>Aligns the pairs, yielding one output per pair in pair order.</summary>
    /// <param name="passagesJson">Whether to serialise each pair's passages (for pairs.jsonl).</param>
    /// <param name="onPair">Optional: called once per pair, on a worker thread, e.g. to write its page.</param>
    /// <param name="progress">Optional: told after each chunk of pairs (stage <see cref="PipelineStage.Aligning"/>).</param>
    /// <param name="cancellationToken">Stops the run.</param>
    public IEnumerable<AlignedPairOutput> Run(bool passagesJson, Action<AlignedPair>? onPair, IProgress<PipelineProgress>? progress = null,
        CancellationToken cancellationToken = default)
    {
        var pairs = _result.Pairs;
        var documents = _result.Documents;
        var pool = new ConcurrentBag<ReportAligner>();
        var outputs = new AlignedPairOutput[Math.Min(ChunkSize, pairs.Count)];
        var parallel = new ParallelOptions
        {
            MaxDegreeOfParallelism = _options.Threads > 0 ? _options.Threads : Environment.ProcessorCount,
            CancellationToken = cancellationToken,
        };
        for (int from = 0; from < pairs.Count; from += ChunkSize)
        {
            int to = Math.Min(pairs.Count, from + ChunkSize);
            try
            {
                Parallel.For(from, to, parallel,
                    () => pool.TryTake(out var aligner) ? aligner : new ReportAligner(_options, _result.Furniture),
                    (i, _, aligner) =>
                    {
                        var pair = pairs[i];
                        string textA = _texts.Get(pair.A), textB = _texts.Get(pair.B);
                        var alignment = aligner.Align(textA, textB);
                        onPair?.Invoke(new AlignedPair(i, pair, documents[pair.A].Id, documents[pair.B].Id, textA, textB, alignment));
                        outputs[i - from] = new AlignedPairOutput(i, PairAlignmentSummary.Of(alignment),
                            passagesJson ? AlignmentJson.PassagesToUtf8(alignment) : null);
                        return aligner;
                    },
                    pool.Add);
            }
            catch (AggregateException e) when (e.InnerExceptions.Count > 0)
            {
                ExceptionDispatchInfo.Capture(e.InnerExceptions[0]).Throw();
            }
            progress?.Report(new PipelineProgress(PipelineStage.Aligning, to, pairs.Count, 0, null));
            for (int i = 0; i < to - from; i++)
            {
                yield return outputs[i];
                outputs[i] = default;
            }
        }
    }
}
