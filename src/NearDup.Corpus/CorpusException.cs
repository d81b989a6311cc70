namespace NearDup.Corpus;

/// <summary>Why an input or a record could not be read.</summary>
public enum CorpusErrorReason
{
    /// <summary>A JSONL line is not a single well-formed JSON object.</summary>
    MalformedJson,
    /// <summary>The id field is absent or null.</summary>
    MissingId,
    /// <summary>The text field is absent or null.</summary>
    MissingText,
    /// <summary>The id is not a string or number, or the text is not a string.</summary>
    WrongFieldType,
    /// <summary>The id was already used by an earlier document (in any input).</summary>
    DuplicateId,
    /// <summary>The bytes are not valid UTF-8 (and no fallback encoding was allowed).</summary>
    InvalidUtf8,
    /// <summary>The text is empty or whitespace only and <see cref="CorpusOptions.AllowEmpty"/> is false.</summary>
    EmptyDocument,
    /// <summary>The text is longer than <see cref="CorpusOptions.MaxDocumentChars"/>.</summary>
    DocumentTooLarge,
    /// <summary>SmartReader found no readable article in an HTML page.</summary>
    NoReadableContent,
    /// <summary>Always fatal: an input path does not exist.</summary>
    InputNotFound,
    /// <summary>Always fatal: a file could not be opened or read (I/O error, corrupt gzip or Parquet).</summary>
    UnreadableFile,
    /// <summary>Always fatal: the format of an input could not be determined or does not fit the path.</summary>
    UnknownFormat,
    /// <summary>Always fatal: a Parquet file lacks the id/text column, or a column has an unusable type.</summary>
    SchemaMismatch,
}

/// <summary>A problem with the corpus input, pointing at the file and, where known, the line (JSONL) or row (Parquet).</summary>
public sealed class CorpusException : Exception
{
    /// <summary>Creates an exception whose <see cref="Exception.Message"/> is "<c>location: detail</c>".</summary>
    public CorpusException(CorpusErrorReason reason, SourceLocation location, string? field, string detail, Exception? innerException = null)
        : base($"{location}: {detail}", innerException)
    {
        Reason = reason;
        Location = location;
        Field = field;
        Detail = detail;
    }

    /// <summary>What went wrong.</summary>
    public CorpusErrorReason Reason { get; }

    /// <summary>Where it went wrong.</summary>
    public SourceLocation Location { get; }

    /// <summary>The file (as given, or input folder joined with the relative path).</summary>
    public string File => Location.File;

    /// <summary>1-based line number for JSONL inputs and text files.</summary>
    public long? Line => Location.Line;

    /// <summary>0-based row index within the file for Parquet inputs.</summary>
    public long? Row => Location.Row;

    /// <summary>The JSONL key or Parquet column concerned, if any.</summary>
    public string? Field { get; }

    /// <summary>The message without the location prefix.</summary>
    public string Detail { get; }

    /// <summary>True if <see cref="BadRecordAction.Skip"/> may skip this problem; input-level problems are always fatal.</summary>
    public bool IsSkippable => IsSkippableReason(Reason);

    /// <summary>True for record-level reasons, false for the always-fatal input-level ones.</summary>
    public static bool IsSkippableReason(CorpusErrorReason reason) => reason switch
    {
        CorpusErrorReason.InputNotFound or CorpusErrorReason.UnreadableFile
            or CorpusErrorReason.UnknownFormat or CorpusErrorReason.SchemaMismatch => false,
        _ => true,
    };
}
