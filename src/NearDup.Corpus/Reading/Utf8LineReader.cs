namespace NearDup.Corpus;

/// <summary>
/// Splits a byte stream into lines on '\n' without decoding, handing out slices of one reusable buffer.
/// A line is valid until the next call. The buffer grows for long lines, up to a limit beyond which the line
/// is dropped unread and reported as too long.
/// </summary>
internal sealed class Utf8LineReader(Stream source, string path, int initialBufferSize, int maxLineBytes)
{
    private byte[] _buffer = new byte[Math.Min(initialBufferSize, maxLineBytes)];
    private int _start;     // first byte of the next line
    private int _end;       // end of the data in the buffer
    private int _scanFrom;  // bytes in [_start, _scanFrom) are known to hold no '\n'
    private bool _eof;

    /// <summary>1-based number of the line last returned.</summary>
    public long LineNumber { get; private set; }

    /// <summary>
    /// Reads the next line, terminator included (the last line may have none). Returns false at the end.
    /// <paramref name="tooLong"/> is set (and <paramref name="line"/> empty) for a line over the size limit.
    /// </summary>
    /// <exception cref="CorpusException">The stream cannot be read (always fatal).</exception>
    public bool TryReadLine(out ReadOnlyMemory<byte> line, out bool tooLong)
    {
        tooLong = false;
        while (true)
        {
            int newline = _buffer.AsSpan(_scanFrom, _end - _scanFrom).IndexOf((byte)'\n');
            if (newline >= 0)
            {
                int lineEnd = _scanFrom + newline + 1;
                line = _buffer.AsMemory(_start, lineEnd - _start);
                _start = _scanFrom = lineEnd;
                LineNumber++;
                return true;
            }
            _scanFrom = _end;

            if (_eof)
            {
                line = _buffer.AsMemory(_start, _end - _start);
                _start = _end;
                if (line.IsEmpty)
                    return false;
                LineNumber++;
                return true;
            }

            if (_end - _start >= maxLineBytes)
            {
                SkipRestOfLine();
                line = default;
                tooLong = true;
                LineNumber++;
                return true;
            }

            MakeRoom();
            Fill();
        }
    }

    /// <summary>Moves the partial line to the front of the buffer, growing the buffer if the line fills it.</summary>
    private void MakeRoom()
    {
        if (_start > 0)
        {
            _buffer.AsSpan(_start, _end - _start).CopyTo(_buffer);
            _end -= _start;
            _scanFrom -= _start;
            _start = 0;
        }
        if (_end == _buffer.Length)
        {
            int grown = (int)Math.Min(Math.Min(2L * _buffer.Length, maxLineBytes), Array.MaxLength);
            Array.Resize(ref _buffer, grown);
        }
    }

    /// <summary>Discards bytes up to and including the next '\n' (or the end of the stream).</summary>
    private void SkipRestOfLine()
    {
        while (true)
        {
            _start = _scanFrom = _end = 0;
            Fill();
            if (_eof)
                return;
            int newline = _buffer.AsSpan(0, _end).IndexOf((byte)'\n');
            if (newline >= 0)
            {
                _start = _scanFrom = newline + 1;
                return;
            }
        }
    }

    private void Fill()
    {
        int read;
        try
        {
            read = source.Read(_buffer, _end, _buffer.Length - _end);
        }
        catch (Exception e) when (e is IOException or InvalidDataException or UnauthorizedAccessException)
        {
            throw new CorpusException(CorpusErrorReason.UnreadableFile, new SourceLocation(path, LineNumber + 1), null,
                $"cannot read file: {e.Message}", e);
        }
        if (read == 0)
            _eof = true;
        _end += read;
    }
}
