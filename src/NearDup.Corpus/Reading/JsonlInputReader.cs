using System.IO.Compression;
using System.Text;
using System.Text.Unicode;

namespace NearDup.Corpus;

/// <summary>
/// A JSONL file, plain or gzip: one JSON object per line, blank lines ignored, '\n' or "\r\n" line ends.
/// Hot path: raw bytes are split on '\n' in a large reusable buffer, validated as UTF-8 and parsed in place.
/// </summary>
internal sealed class JsonlInputReader(CorpusInput input, ReadSession session) : InputReader(input, session)
{
    // A JSON string spends at most 6 bytes (\uXXXX) on a char; allow metadata on top of that. A longer line
    // cannot hold a text within the limit, and refusing it keeps a newline-free binary file from filling memory.
    private const long MaxBytesPerEscapedChar = 6;
    private const long MetadataAllowanceBytes = 16L << 20;

    private readonly JsonlRecordParser _parser = new(session.Options);

    private int MaxLineBytes =>
        (int)Math.Min(MaxBytesPerEscapedChar * Options.MaxDocumentChars + MetadataAllowanceBytes, Array.MaxLength);

    /// <summary>The current document's line exactly as in the file, terminator included; valid until the
    /// enumerator moves on. The subset writer copies it verbatim.</summary>
    public ReadOnlyMemory<byte> CurrentLine { get; private set; }

    /// <summary>True if the file starts with the gzip magic bytes (the name is not trusted either way).</summary>
    public static bool IsGzip(string path)
    {
        using var stream = OpenFile(path);
        return IsGzip(stream);
    }

    public override IEnumerable<CorpusDocument> Read()
    {
        var file = Input.Files[0];
        var fileStream = OpenFile(file.Path);
        using var counted = new ProgressStream(fileStream, Session);
        bool gzip = IsGzip(fileStream);
        using Stream content = gzip ? new GZipStream(counted, CompressionMode.Decompress) : counted;

        var lines = new Utf8LineReader(content, file.Path, Options.JsonlBufferSize, MaxLineBytes);
        while (lines.TryReadLine(out var line, out bool tooLong))
        {
            CurrentLine = line;
            var document = ParseLine(line.Span, tooLong, lines.LineNumber, file.Path);
            if (document is not null)
                yield return document;
        }
        CurrentLine = default;

        // Settle on the listed size so BytesRead ends exactly at TotalBytes (gzip may stop short of the last bytes).
        Session.AddBytesRead(file.Length - counted.Counted);
    }

    private CorpusDocument? ParseLine(ReadOnlySpan<byte> line, bool tooLong, long lineNumber, string path)
    {
        var location = new SourceLocation(path, lineNumber);
        if (tooLong)
        {
            Session.Reject(CorpusErrorReason.DocumentTooLarge, location, null,
                $"line is longer than {MaxLineBytes} bytes, too long for a document of at most {Options.MaxDocumentChars} characters");
            return null;
        }

        if (line.EndsWith((byte)'\n'))
            line = line[..^1];
        if (line.EndsWith((byte)'\r'))
            line = line[..^1];
        if (lineNumber == 1)
            line = TextDecoding.WithoutBom(line);
        if (line.IndexOfAnyExcept((byte)' ', (byte)'\t', (byte)'\r') < 0)
            return null; // blank line: not a record

        // The JSON reader only checks UTF-8 in the strings it decodes; validate the whole line so that bad bytes in
        // skipped fields are caught too.
        if (!Utf8.IsValid(line))
        {
            if (Options.TextEncoding != CorpusTextEncoding.Utf8OrWindows1252)
            {
                int offset = TextDecoding.FindInvalidUtf8(line);
                Session.Reject(CorpusErrorReason.InvalidUtf8, location, null, TextDecoding.DescribeInvalidUtf8(line, offset));
                return null;
            }
            // JSON syntax is ASCII, which Windows-1252 maps to itself, so the line keeps its structure.
            line = Encoding.UTF8.GetBytes(TextDecoding.Windows1252.GetString(line));
        }

        if (!_parser.TryParse(line, out var record, out var problem))
        {
            Session.Reject(problem.Reason, location, problem.Field, problem.Detail);
            return null;
        }
        return Session.Accept(record.Id!, record.Text!, location, hasNamedFields: true,
            record.Title, record.Url, record.Date, record.Source);
    }

    private static bool IsGzip(FileStream stream)
    {
        Span<byte> magic = stackalloc byte[2];
        try
        {
            int read = stream.ReadAtLeast(magic, 2, throwOnEndOfStream: false);
            stream.Position = 0;
            return read == 2 && magic[0] == 0x1F && magic[1] == 0x8B;
        }
        catch (Exception e) when (IsIoFailure(e))
        {
            throw Unreadable(new SourceLocation(stream.Name), e);
        }
    }
}
