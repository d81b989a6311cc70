namespace NearDup.Corpus;

/// <summary>Shared loop of the folder formats: each listed file is read whole and becomes at most one document.</summary>
internal abstract class FolderInputReader(CorpusInput input, ReadSession session) : InputReader(input, session)
{
    /// <summary>The file the current document came from; the subset writer copies it.</summary>
    public InputFile CurrentFile { get; private set; }

    public sealed override IEnumerable<CorpusDocument> Read()
    {
        int threads = ExtractThreads;
        // Files are read and extracted side by side (extraction touches no shared state); the session's checks,
        // ordinals and errors then run in file order, exactly as in a one-thread loop.
        var extracted = OrderedParallel.Map(Input.Files, file => (File: file, Result: ReadFile(file)), window: threads <= 1 ? 1 : threads * 4);
        foreach (var (file, result) in extracted)
        {
            CurrentFile = file;
            CorpusDocument? document = null;
            if (result.Text is null)
                Session.Reject(result.Reason, result.Location, null, result.Detail!);
            else
                document = Session.Accept(file.RelativePath, result.Text, new SourceLocation(file.Path), hasNamedFields: false, title: result.Title);
            Session.AddBytesRead(file.Length);
            if (document is not null)
                yield return document;
        }
    }

    /// <summary>What one file gave before the session's checks: its text (and title), or the problem that stops it.</summary>
    protected readonly record struct Extracted(string? Text, string? Title, CorpusErrorReason Reason, SourceLocation Location, string? Detail)
    {
        public static Extracted Document(string text, string? title = null) => new(text, title, default, default, null);

        public static Extracted Problem(CorpusErrorReason reason, SourceLocation location, string detail) => new(null, null, reason, location, detail);
    }

    /// <summary>Threads that read and extract files at once; 1 reads them one by one.</summary>
    protected virtual int ExtractThreads => Options.EffectiveParseThreads;

    /// <summary>Turns a file's bytes (byte order mark removed) into its text. Runs on any thread: must not touch the session.</summary>
    protected abstract Extracted Extract(InputFile file, ReadOnlySpan<byte> bytes);

    protected virtual bool IsCertainlyTooLarge(InputFile file) => false;

    private Extracted ReadFile(InputFile file)
    {
        var location = new SourceLocation(file.Path);
        if (IsCertainlyTooLarge(file))
            return Extracted.Problem(CorpusErrorReason.DocumentTooLarge, location,
                $"file has {file.Length} bytes, more than {Options.MaxDocumentChars} characters can take");

        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(file.Path);
        }
        catch (Exception e) when (IsIoFailure(e) || e is OutOfMemoryException)
        {
            throw Unreadable(location, e);
        }
        return Extract(file, TextDecoding.WithoutBom(bytes));
    }

    /// <summary>Decodes <paramref name="bytes"/> as the options say, or gives the invalid-UTF-8 problem with its line.</summary>
    protected Extracted Decode(InputFile file, ReadOnlySpan<byte> bytes)
    {
        if (TextDecoding.TryDecode(bytes, Options.TextEncoding, out string text, out int invalidOffset))
            return Extracted.Document(text);
        return Extracted.Problem(CorpusErrorReason.InvalidUtf8,
            new SourceLocation(file.Path, TextDecoding.LineOf(bytes, invalidOffset)),
            TextDecoding.DescribeInvalidUtf8(bytes, invalidOffset));
    }
}

internal sealed class TextFolderInputReader(CorpusInput input, ReadSession session) : FolderInputReader(input, session)
{
    // Every UTF-16 char takes at most 3 UTF-8 bytes (4 bytes give 2 chars), and a Windows-1252 byte is one char,
    // so a file over 3 bytes per allowed char cannot fit; the 3 extra bytes allow for a byte order mark.
    protected override bool IsCertainlyTooLarge(InputFile file) => file.Length > 3L * Options.MaxDocumentChars + 3;

    protected override Extracted Extract(InputFile file, ReadOnlySpan<byte> bytes) => Decode(file, bytes);
}
