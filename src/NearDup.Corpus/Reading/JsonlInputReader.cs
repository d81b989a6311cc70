using System.Buffers;
using System.IO.Compression;
using System.Runtime.ExceptionServices;
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

    private int MaxLineBytes => MaxLineBytesFor(Options);

    /// <summary>The longest line read under <paramref name="options"/>; whoever splits the file into lines again must use
    /// the same limit (and <see cref="CorpusOptions.JsonlBufferSize"/>) to count lines as the reader did.</summary>
    internal static int MaxLineBytesFor(CorpusOptions options) =>
        (int)Math.Min(MaxBytesPerEscapedChar * options.MaxDocumentChars + MetadataAllowanceBytes, Array.MaxLength);

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
        var documents = Options.EffectiveParseThreads <= 1 ? ReadSequential(lines, file.Path) : ReadParallel(lines, file.Path);
        foreach (var document in documents)
            yield return document;
        CurrentLine = default;

        // Settle on the listed size so BytesRead ends exactly at TotalBytes (gzip may stop short of the last bytes).
        Session.AddBytesRead(file.Length - counted.Counted);
    }

    private IEnumerable<CorpusDocument> ReadSequential(Utf8LineReader lines, string path)
    {
        while (lines.TryReadLine(out var line, out bool tooLong))
        {
            CurrentLine = line;
            var parsed = ParseLine(line.Span, tooLong, lines.LineNumber);
            if (Accept(parsed, path) is { } document)
                yield return document;
        }
    }

    /// <summary>
    /// The calling thread reads and splits lines into chunks, up to <see cref="CorpusOptions.EffectiveParseThreads"/>
    /// chunks are parsed at once on the thread pool (<see cref="OrderedParallel"/>, as folder files are), and the
    /// chunks come back in file order, so ordinals, the duplicate-id check and the first error reported are exactly
    /// those of <see cref="ReadSequential"/>. Memory stays bounded by the chunks in flight.
    /// </summary>
    private IEnumerable<CorpusDocument> ReadParallel(Utf8LineReader lines, string path)
    {
        var chunks = OrderedParallel.Map(SplitIntoChunks(lines), chunk => chunk.Parse(this), window: Options.EffectiveParseThreads);
        foreach (var chunk in chunks)
        {
            for (int i = 0; i < chunk.Count; i++)
            {
                CurrentLine = chunk.Line(i);
                if (Accept(chunk.Results[i], path) is { } document)
                    yield return document;
            }
            CurrentLine = default;
            chunk.Release();
            if (chunk.ReadError is { } error) ExceptionDispatchInfo.Capture(error).Throw();
        }
    }

    private IEnumerable<LineChunk> SplitIntoChunks(Utf8LineReader lines)
    {
        var chunk = new LineChunk(Options.JsonlChunkBytes);
        while (true)
        {
            ReadOnlyMemory<byte> line;
            bool tooLong;
            try
            {
                if (!lines.TryReadLine(out line, out tooLong)) break;
            }
            catch (Exception e)
            {
                chunk.ReadError = e; // delivered after the lines read before it, as the sequential reader would
                break;
            }
            if (chunk.TryAdd(line.Span, lines.LineNumber, tooLong)) continue;
            if (chunk.Count > 0) yield return chunk;
            else chunk.Release();
            chunk = new LineChunk(Math.Max(Options.JsonlChunkBytes, line.Length));
            chunk.TryAdd(line.Span, lines.LineNumber, tooLong);
        }
        yield return chunk;
    }

    /// <summary>A parsed line: a record, a problem, or nothing (a blank line).</summary>
    private readonly record struct ParsedLine(JsonlRecord Record, RecordProblem? Problem, long LineNumber, bool IsBlank);

    private CorpusDocument? Accept(in ParsedLine parsed, string path)
    {
        if (parsed.IsBlank) return null;
        var location = new SourceLocation(path, parsed.LineNumber);
        if (parsed.Problem is { } problem)
        {
            Session.Reject(problem.Reason, location, problem.Field, problem.Detail);
            return null;
        }
        var record = parsed.Record;
        return Session.Accept(record.Id!, record.Text!, location, hasNamedFields: true,
            record.Title, record.Url, record.Date, record.Source);
    }

    /// <summary>Parses one line; touches no shared state, so parse threads can run it side by side.</summary>
    private ParsedLine ParseLine(ReadOnlySpan<byte> line, bool tooLong, long lineNumber)
    {
        if (tooLong)
            return Problem(CorpusErrorReason.DocumentTooLarge, null,
                $"line is longer than {MaxLineBytes} bytes, too long for a document of at most {Options.MaxDocumentChars} characters");

        if (line.EndsWith((byte)'\n'))
            line = line[..^1];
        if (line.EndsWith((byte)'\r'))
            line = line[..^1];
        if (lineNumber == 1)
            line = TextDecoding.WithoutBom(line);
        if (line.IndexOfAnyExcept((byte)' ', (byte)'\t', (byte)'\r') < 0)
            return new ParsedLine(default, null, lineNumber, IsBlank: true);

        // The JSON reader only checks UTF-8 in the strings it decodes; validate the whole line so that bad bytes in
        // skipped fields are caught too.
        if (!Utf8.IsValid(line))
        {
            if (Options.TextEncoding != CorpusTextEncoding.Utf8OrWindows1252)
            {
                int offset = TextDecoding.FindInvalidUtf8(line);
                return Problem(CorpusErrorReason.InvalidUtf8, null, TextDecoding.DescribeInvalidUtf8(line, offset));
            }
            // JSON syntax is ASCII, which Windows-1252 maps to itself, so the line keeps its structure.
            line = Encoding.UTF8.GetBytes(TextDecoding.Windows1252.GetString(line));
        }

        return _parser.TryParse(line, out var record, out var problem)
            ? new ParsedLine(record, null, lineNumber, IsBlank: false)
            : new ParsedLine(default, problem, lineNumber, IsBlank: false);

        ParsedLine Problem(CorpusErrorReason reason, string? field, string detail) =>
            new(default, new RecordProblem(reason, field, detail), lineNumber, IsBlank: false);
    }

    /// <summary>Consecutive lines of the file, copied into one pooled buffer, and their parse results.</summary>
    private sealed class LineChunk(int capacityBytes)
    {
        private byte[] _bytes = ArrayPool<byte>.Shared.Rent(Math.Max(1, capacityBytes));
        private readonly List<(int Start, int Length, long LineNumber, bool TooLong)> _lines = [];
        private int _used;

        public ParsedLine[] Results { get; private set; } = [];

        /// <summary>A failure to read further, raised once this chunk's lines are consumed.</summary>
        public Exception? ReadError { get; set; }

        public int Count => _lines.Count;

        public ReadOnlyMemory<byte> Line(int i) => _bytes.AsMemory(_lines[i].Start, _lines[i].Length);

        public bool TryAdd(ReadOnlySpan<byte> line, long lineNumber, bool tooLong)
        {
            if (_bytes.Length - _used < line.Length) return false;
            line.CopyTo(_bytes.AsSpan(_used));
            _lines.Add((_used, line.Length, lineNumber, tooLong));
            _used += line.Length;
            return true;
        }

        /// <summary>Parses every line (on any thread: parsing touches no shared state) and returns this chunk.</summary>
        public LineChunk Parse(JsonlInputReader reader)
        {
            var results = new ParsedLine[_lines.Count];
            for (int i = 0; i < results.Length; i++)
            {
                var (start, length, lineNumber, tooLong) = _lines[i];
                results[i] = reader.ParseLine(_bytes.AsSpan(start, length), tooLong, lineNumber);
            }
            Results = results;
            return this;
        }

        public void Release()
        {
            ArrayPool<byte>.Shared.Return(_bytes);
            _bytes = [];
        }
    }

    /// <summary>True if <paramref name="stream"/> starts with the gzip magic bytes; leaves it at position 0.</summary>
    internal static bool IsGzip(FileStream stream)
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
