namespace NearDup.Corpus;

/// <summary>
/// State shared by everything that reads one corpus (all inputs, in order): the ordinal counter, the ids seen so far,
/// the skip policy and report, byte progress, and where each accepted document came from. The subset writer either
/// uses those recorded positions or, for folders, re-reads through a fresh session with the same options, which is
/// what makes its ordinals match the reader's.
/// </summary>
internal sealed class ReadSession
{
    private readonly HashSet<string> _seenIds = new(StringComparer.Ordinal);
    private readonly ChunkedLongList _positions = new();
    private long _nextOrdinal;
    private long _bytesRead;

    public ReadSession(CorpusOptions options)
    {
        options.Validate();
        Options = options;
    }

    public CorpusOptions Options { get; }

    public SkipReport SkipReport { get; } = new();

    /// <summary>Bytes consumed so far (compressed bytes for .gz); safe to read from any thread.</summary>
    public long BytesRead => Interlocked.Read(ref _bytesRead);

    /// <summary>Documents accepted so far.</summary>
    public long DocumentCount => Interlocked.Read(ref _nextOrdinal);

    public void AddBytesRead(long count) => Interlocked.Add(ref _bytesRead, count);

    /// <summary>
    /// Indexed by ordinal: the accepted document's 1-based line (JSONL) or 0-based row (Parquet) in its file, or -1
    /// for a folder document (its file is its position). Lets the subset writer copy kept records without parsing
    /// the input again. Read it only once reading has finished.
    /// </summary>
    public ChunkedLongList Positions => _positions;

    /// <summary>
    /// Applies the checks all formats share (empty text, size limit, duplicate id), then assigns the next ordinal.
    /// Returns null when the record is bad and skipped. <paramref name="hasNamedFields"/> is true for JSONL and
    /// Parquet, so messages can name the field concerned.
    /// </summary>
    public CorpusDocument? Accept(string id, string text, SourceLocation location, bool hasNamedFields,
        string? title = null, string? url = null, string? date = null, string? source = null)
    {
        string? textField = hasNamedFields ? Options.TextField : null;
        string what = hasNamedFields ? $"field \"{Options.TextField}\"" : "document text";

        if (!Options.AllowEmpty && string.IsNullOrWhiteSpace(text))
        {
            Reject(CorpusErrorReason.EmptyDocument, location, textField, $"{what} is empty");
            return null;
        }
        if (text.Length > Options.MaxDocumentChars)
        {
            Reject(CorpusErrorReason.DocumentTooLarge, location, textField,
                $"{what} has {text.Length} characters, more than the limit of {Options.MaxDocumentChars}");
            return null;
        }
        if (!_seenIds.Add(id))
        {
            Reject(CorpusErrorReason.DuplicateId, location, hasNamedFields ? Options.IdField : null,
                $"duplicate id \"{id}\" (already used by an earlier document)");
            return null;
        }

        long ordinal = _nextOrdinal;
        _positions.Add(location.Line ?? location.Row ?? -1);
        Interlocked.Exchange(ref _nextOrdinal, ordinal + 1);
        return new CorpusDocument(ordinal, id, text, location) { Title = title, Url = url, Date = date, Source = source };
    }

    /// <summary>
    /// Reports a bad record: throws unless the problem is skippable and the options say to skip, in which case it
    /// is counted in <see cref="SkipReport"/> and the caller moves on to the next record.
    /// </summary>
    public void Reject(CorpusErrorReason reason, SourceLocation location, string? field, string detail)
    {
        var error = new CorpusException(reason, location, field, detail);
        if (!error.IsSkippable || Options.OnBadRecord == BadRecordAction.Fail)
            throw error;
        SkipReport.Add(error);
    }
}
