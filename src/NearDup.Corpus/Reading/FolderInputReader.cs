namespace NearDup.Corpus;

/// <summary>Shared loop of the folder formats: each listed file is read whole and becomes at most one document.</summary>
internal abstract class FolderInputReader(CorpusInput input, ReadSession session) : InputReader(input, session)
{
    /// <summary>The file the current document came from; the subset writer copies it.</summary>
    public InputFile CurrentFile { get; private set; }

    public sealed override IEnumerable<CorpusDocument> Read()
    {
        foreach (var file in Input.Files)
        {
            CurrentFile = file;
            var document = ReadFile(file);
            Session.AddBytesRead(file.Length);
            if (document is not null)
                yield return document;
        }
    }

    /// <summary>Turns the file's bytes into a document; null when it is a skipped bad record.</summary>
    protected abstract CorpusDocument? ToDocument(InputFile file, ReadOnlySpan<byte> bytes);

    /// <summary>Refuses a file before reading it when its size alone proves the text is over the limit.</summary>
    protected virtual bool IsCertainlyTooLarge(InputFile file) => false;

    private CorpusDocument? ReadFile(InputFile file)
    {
        var location = new SourceLocation(file.Path);
        if (IsCertainlyTooLarge(file))
        {
            Session.Reject(CorpusErrorReason.DocumentTooLarge, location, null,
                $"file has {file.Length} bytes, more than {Options.MaxDocumentChars} characters can take");
            return null;
        }

        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(file.Path);
        }
        catch (Exception e) when (IsIoFailure(e) || e is OutOfMemoryException)
        {
            throw Unreadable(location, e);
        }
        return ToDocument(file, TextDecoding.WithoutBom(bytes));
    }

    /// <summary>Decodes under the configured encoding; on invalid UTF-8 rejects the file naming the line, and returns null.</summary>
    protected string? Decode(InputFile file, ReadOnlySpan<byte> bytes)
    {
        if (TextDecoding.TryDecode(bytes, Options.TextEncoding, out string text, out int invalidOffset))
            return text;
        Session.Reject(CorpusErrorReason.InvalidUtf8,
            new SourceLocation(file.Path, TextDecoding.LineOf(bytes, invalidOffset)), null,
            TextDecoding.DescribeInvalidUtf8(bytes, invalidOffset));
        return null;
    }
}

/// <summary>A folder of *.txt files: each file is one document whose id is its relative path.</summary>
internal sealed class TextFolderInputReader(CorpusInput input, ReadSession session) : FolderInputReader(input, session)
{
    // Every UTF-16 char takes at most 3 UTF-8 bytes (4 bytes give 2 chars), and a Windows-1252 byte is one char,
    // so a file over 3 bytes per allowed char cannot fit; the 3 extra bytes allow for a byte order mark.
    protected override bool IsCertainlyTooLarge(InputFile file) => file.Length > 3L * Options.MaxDocumentChars + 3;

    protected override CorpusDocument? ToDocument(InputFile file, ReadOnlySpan<byte> bytes)
    {
        string? text = Decode(file, bytes);
        return text is null ? null : Session.Accept(file.RelativePath, text, new SourceLocation(file.Path), hasNamedFields: false);
    }
}
