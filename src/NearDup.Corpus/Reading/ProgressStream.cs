namespace NearDup.Corpus;

/// <summary>
/// Read-only pass-through stream that adds the bytes read from the underlying (possibly compressed) file to the
/// session's progress, so BytesRead/TotalBytes is a true fraction even when a decompressor sits on top.
/// </summary>
internal sealed class ProgressStream(Stream inner, ReadSession session) : Stream
{
    /// <summary>Bytes read through this stream so far.</summary>
    public long Counted { get; private set; }

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        int read = inner.Read(buffer);
        Counted += read;
        session.AddBytesRead(read);
        return read;
    }

    public override void Flush() { }
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
            inner.Dispose();
        base.Dispose(disposing);
    }
}
