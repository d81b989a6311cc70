namespace NearDup.Corpus;

/// <summary>
/// One document as read from an input: its id, its text, optional metadata, and where it came from
/// (so errors and reports can point back at the file and line or row).
/// </summary>
/// <param name="Ordinal">0-based position of the document in the whole read (all inputs, in read order).
/// The pipeline keys its arrays on this; it is what makes results deterministic.</param>
/// <param name="Id">The document id (JSONL/Parquet id field, or the file path relative to the input folder).</param>
/// <param name="Text">The document text (for HTML, the main content extracted by SmartReader).</param>
/// <param name="Location">Where the document was read from.</param>
public sealed record CorpusDocument(long Ordinal, string Id, string Text, SourceLocation Location)
{
    /// <summary>Title (JSONL/Parquet title field, or the HTML article title); null for text files or when absent.</summary>
    public string? Title { get; init; }

    /// <summary>Url from the url field, if present.</summary>
    public string? Url { get; init; }

    /// <summary>Date from the date field, as written in the input (not parsed).</summary>
    public string? Date { get; init; }

    /// <summary>Source from the source field, if present.</summary>
    public string? Source { get; init; }
}

/// <summary>Where a record lives: a file and, for record-oriented formats, its 1-based line (JSONL) or 0-based row (Parquet).</summary>
public readonly record struct SourceLocation(string File, long? Line = null, long? Row = null)
{
    /// <summary>"file:line", "file row N" or just "file".</summary>
    public override string ToString() =>
        Line is { } line ? $"{File}:{line}" : Row is { } row ? $"{File} row {row}" : File;
}
