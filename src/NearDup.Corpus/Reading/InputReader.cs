namespace NearDup.Corpus;

/// <summary>Reads the documents of one input of one format; one subclass per format.</summary>
internal abstract class InputReader(CorpusInput input, ReadSession session)
{
    protected CorpusInput Input => input;

    protected ReadSession Session => session;

    protected CorpusOptions Options => session.Options;

    /// <summary>The input's documents in order. Bad records are passed to <see cref="ReadSession.Reject"/>, which
    /// throws or skips them.</summary>
    public abstract IEnumerable<CorpusDocument> Read();

    public static InputReader Create(CorpusInput input, ReadSession session) => input.Format switch
    {
        CorpusFormat.Jsonl => new JsonlInputReader(input, session),
        CorpusFormat.TextFolder => new TextFolderInputReader(input, session),
        CorpusFormat.HtmlFolder => new HtmlFolderInputReader(input, session),
        CorpusFormat.Parquet => new ParquetInputReader(input, session),
        _ => throw new ArgumentException($"Unresolved input format {input.Format}.", nameof(input)),
    };

    /// <summary>Opens a file for one sequential pass; failures become an always-fatal <see cref="CorpusErrorReason.UnreadableFile"/>.</summary>
    /// <param name="path">The file.</param>
    /// <param name="bufferSize">0 (no FileStream buffer) for callers that read in large blocks of their own.</param>
    protected internal static FileStream OpenFile(string path, int bufferSize = 0)
    {
        try
        {
            return new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize, FileOptions.SequentialScan);
        }
        catch (Exception e) when (IsIoFailure(e))
        {
            throw Unreadable(new SourceLocation(path), e);
        }
    }

    protected internal static CorpusException Unreadable(SourceLocation location, Exception e) =>
        new(CorpusErrorReason.UnreadableFile, location, null, $"cannot read file: {e.Message}", e);

    protected static bool IsIoFailure(Exception e) =>
        e is IOException or InvalidDataException or UnauthorizedAccessException or System.Security.SecurityException;
}
