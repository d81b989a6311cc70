namespace NearDup.Corpus;

/// <summary>One skipped bad record, kept as an example in a <see cref="SkipReport"/>.</summary>
/// <param name="Reason">Why the record was skipped.</param>
/// <param name="Location">Where the record is.</param>
/// <param name="Field">The key or column concerned, if any.</param>
/// <param name="Message">The full message, location included.</param>
public sealed record SkippedRecord(CorpusErrorReason Reason, SourceLocation Location, string? Field, string Message);

/// <summary>
/// Bad records skipped under <see cref="BadRecordAction.Skip"/>: a count per reason and the first few locations per reason.
/// Thread-safe, so a progress display may read it while the reader is running.
/// </summary>
public sealed class SkipReport
{
    private static readonly CorpusErrorReason[] AllReasons = Enum.GetValues<CorpusErrorReason>();

    private readonly Lock _lock = new();
    private readonly long[] _counts = new long[AllReasons.Length];
    private readonly List<SkippedRecord>[] _examples = new List<SkippedRecord>[AllReasons.Length];
    private long _total;

    /// <summary>Creates an empty report that keeps up to <paramref name="maxExamplesPerReason"/> examples per reason.</summary>
    public SkipReport(int maxExamplesPerReason = 10)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(maxExamplesPerReason);
        MaxExamplesPerReason = maxExamplesPerReason;
        for (int i = 0; i < _examples.Length; i++)
            _examples[i] = [];
    }

    /// <summary>How many examples are kept per reason.</summary>
    public int MaxExamplesPerReason { get; }

    /// <summary>Total number of skipped records.</summary>
    public long Total => Interlocked.Read(ref _total);

    /// <summary>Number of records skipped for <paramref name="reason"/>.</summary>
    public long Count(CorpusErrorReason reason)
    {
        lock (_lock)
            return _counts[(int)reason];
    }

    /// <summary>A snapshot of the non-zero counts per reason.</summary>
    public IReadOnlyDictionary<CorpusErrorReason, long> Counts
    {
        get
        {
            lock (_lock)
            {
                var counts = new SortedDictionary<CorpusErrorReason, long>();
                foreach (var reason in AllReasons)
                    if (_counts[(int)reason] > 0)
                        counts[reason] = _counts[(int)reason];
                return counts;
            }
        }
    }

    /// <summary>A snapshot of the first skipped records for <paramref name="reason"/>, in the order they were met.</summary>
    public IReadOnlyList<SkippedRecord> Examples(CorpusErrorReason reason)
    {
        lock (_lock)
            return _examples[(int)reason].ToArray();
    }

    /// <summary>Counts a skipped record (and keeps it as an example if there is room).</summary>
    public void Add(CorpusException error)
    {
        ArgumentNullException.ThrowIfNull(error);
        lock (_lock)
        {
            int index = (int)error.Reason;
            _counts[index]++;
            if (_examples[index].Count < MaxExamplesPerReason)
                _examples[index].Add(new SkippedRecord(error.Reason, error.Location, error.Field, error.Message));
            Interlocked.Increment(ref _total);
        }
    }

    /// <summary>A one-line summary, e.g. "3 bad records skipped: MalformedJson 2 (data/a.jsonl:4, data/a.jsonl:9), DuplicateId 1 (data/b.jsonl:1)".</summary>
    public override string ToString()
    {
        lock (_lock)
        {
            if (_total == 0)
                return "no bad records skipped";
            var parts = AllReasons
                .Where(reason => _counts[(int)reason] > 0)
                .Select(reason =>
                    $"{reason} {_counts[(int)reason]} ({string.Join(", ", _examples[(int)reason].Select(e => e.Location.ToString()))}" +
                    (_counts[(int)reason] > _examples[(int)reason].Count ? ", ...)" : ")"));
            return $"{_total} bad record{(_total == 1 ? "" : "s")} skipped: {string.Join(", ", parts)}";
        }
    }
}
