namespace NearDup.Corpus;

/// <summary>The kind of input a path holds.</summary>
public enum CorpusFormat
{
    /// <summary>Detect from the path: a folder of *.html/*.htm is <see cref="HtmlFolder"/>, any other folder
    /// <see cref="TextFolder"/>; *.jsonl/*.json/*.ndjson (optionally .gz) is <see cref="Jsonl"/>; *.parquet is <see cref="Parquet"/>.</summary>
    Auto,
    /// <summary>One JSON object per line, optionally gzip-compressed.</summary>
    Jsonl,
    /// <summary>A folder whose *.txt files (recursively) are one document each.</summary>
    TextFolder,
    /// <summary>A folder whose *.html/*.htm files (recursively) are one document each; the main content is extracted.</summary>
    HtmlFolder,
    /// <summary>A Parquet file with one document per row.</summary>
    Parquet,
}

/// <summary>What to do with a record that cannot be read as a valid document.</summary>
public enum BadRecordAction
{
    /// <summary>Throw a <see cref="CorpusException"/> at the first bad record.</summary>
    Fail,
    /// <summary>Skip the record and count it in the reader's <see cref="SkipReport"/>.
    /// Input-level problems (missing path, unreadable file, unknown format, schema mismatch) are still fatal.</summary>
    Skip,
}

/// <summary>How document bytes are decoded to text.</summary>
public enum CorpusTextEncoding
{
    /// <summary>UTF-8; any invalid byte sequence makes the record bad (<see cref="CorpusErrorReason.InvalidUtf8"/>).</summary>
    Utf8Strict,
    /// <summary>For legacy corpora: UTF-8 where valid, otherwise the whole record (JSONL line, or file) is decoded as Windows-1252.</summary>
    Utf8OrWindows1252,
}

/// <summary>How inputs are read: field names, format, and what counts as a bad record.</summary>
public sealed record CorpusOptions
{
    /// <summary>JSONL key / Parquet column holding the document id (a string or an integer).</summary>
    public string IdField { get; init; } = "id";

    /// <summary>JSONL key / Parquet column holding the document text.</summary>
    public string TextField { get; init; } = "text";

    /// <summary>Optional title key/column; null to ignore titles.</summary>
    public string? TitleField { get; init; } = "title";

    /// <summary>Optional url key/column; null to ignore urls.</summary>
    public string? UrlField { get; init; } = "url";

    /// <summary>Optional date key/column; null to ignore dates.</summary>
    public string? DateField { get; init; } = "date";

    /// <summary>Optional source key/column; null to ignore sources.</summary>
    public string? SourceField { get; init; } = "source";

    /// <summary>Fail on the first bad record (default) or skip bad records and report them.</summary>
    public BadRecordAction OnBadRecord { get; init; } = BadRecordAction.Fail;

    /// <summary>Documents with more UTF-16 characters than this are bad records (<see cref="CorpusErrorReason.DocumentTooLarge"/>).</summary>
    public int MaxDocumentChars { get; init; } = 10_000_000;

    /// <summary>When false (default), empty or whitespace-only text is a bad record (<see cref="CorpusErrorReason.EmptyDocument"/>).</summary>
    public bool AllowEmpty { get; init; }

    /// <summary>Input format; <see cref="CorpusFormat.Auto"/> (default) detects it per path.</summary>
    public CorpusFormat Format { get; init; } = CorpusFormat.Auto;

    /// <summary>How bytes are decoded; strict UTF-8 by default.</summary>
    public CorpusTextEncoding TextEncoding { get; init; } = CorpusTextEncoding.Utf8Strict;

    /// <summary>
    /// Chunks of JSONL lines parsed at once (UTF-8 validation, JSON, decoding to text) on the thread pool while the
    /// reading thread splits the file and takes the documents back in file order. 0 (default) picks
    /// <see cref="ParseThreadsFor"/> the cores <see cref="Threads"/> grants (HTML folders use them all); 1 parses on
    /// the reading thread. Documents, ordinals and
    /// errors are the same for every value.
    /// </summary>
    public int ParseThreads { get; init; }

    /// <summary>Cores the run may use (0, the default, means all): when <see cref="ParseThreads"/> is 0 the readers size
    /// their parsing to this, as the pipeline sizes its workers.</summary>
    public int Threads { get; init; }

    /// <summary>The cores <see cref="Threads"/> grants.</summary>
    internal int EffectiveThreads => Threads > 0 ? Threads : Environment.ProcessorCount;

    /// <summary>Initial JSONL read buffer; it grows for longer lines. Internal so tests can force lines across buffer boundaries.</summary>
    internal int JsonlBufferSize { get; init; } = 1 << 20;

    /// <summary>Bytes of lines handed to a parse thread at once. Internal so tests can make many small chunks.</summary>
    internal int JsonlChunkBytes { get; init; } = 1 << 20;

    /// <summary>The parse threads <see cref="ParseThreads"/> asks for.</summary>
    internal int EffectiveParseThreads => ParseThreads > 0 ? ParseThreads : ParseThreadsFor(EffectiveThreads);

    /// <summary>
    /// Parse threads worth running beside a pipeline on <paramref name="cores"/> cores. One reading thread parses
    /// 350-540 MB/s of news JSONL, and a core sketches 150-270 MB/s, so the reader only holds a run back from about
    /// three cores on; parsing on other threads costs 25-40% more reader CPU (copies, hand-offs), which two cores
    /// cannot spare (bench/NearDup.Benchmarks ReaderBenchmarks). So: one thread up to two cores, then a third of them.
    /// </summary>
    public static int ParseThreadsFor(int cores) => cores <= 2 ? 1 : Math.Min(8, (cores + 2) / 3);

    /// <summary>Throws <see cref="ArgumentException"/> if the options cannot work (blank or clashing field names, non-positive limits).</summary>
    public void Validate()
    {
        if (string.IsNullOrEmpty(IdField))
            throw new ArgumentException("IdField must not be empty.", nameof(IdField));
        if (string.IsNullOrEmpty(TextField))
            throw new ArgumentException("TextField must not be empty.", nameof(TextField));
        if (MaxDocumentChars <= 0)
            throw new ArgumentException("MaxDocumentChars must be positive.", nameof(MaxDocumentChars));
        if (ParseThreads < 0)
            throw new ArgumentException("ParseThreads must be 0 (all cores) or more.", nameof(ParseThreads));
        if (Threads < 0)
            throw new ArgumentException("Threads must be 0 (all cores) or more.", nameof(Threads));
        if (JsonlBufferSize <= 0)
            throw new ArgumentException("JsonlBufferSize must be positive.", nameof(JsonlBufferSize));
        if (JsonlChunkBytes <= 0)
            throw new ArgumentException("JsonlChunkBytes must be positive.", nameof(JsonlChunkBytes));

        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var name in new[] { IdField, TextField, TitleField, UrlField, DateField, SourceField })
        {
            if (name is null)
                continue;
            if (name.Length == 0)
                throw new ArgumentException("Field names must not be empty (use null to ignore an optional field).");
            if (!seen.Add(name))
                throw new ArgumentException($"Field name \"{name}\" is used for two different fields.");
        }
    }
}
