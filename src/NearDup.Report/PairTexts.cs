using NearDup.Output;
using System.Buffers;
using System.Text;
using Microsoft.Win32.SafeHandles;
using NearDup.Corpus;

namespace NearDup.Report;

/// <summary>
/// The texts of the documents that appear in a run's pairs, collected in a second read of the input (the pipeline
/// keeps sketches, not texts). With a spill directory the texts go, as UTF-8, to a temporary file there (deleted on
/// dispose) and are read back per pair, so memory stays flat however many documents are paired; without one they
/// are kept in memory. Thread-safe for reading.
/// </summary>
public sealed class PairTexts : IDisposable
{
    private readonly string?[]? _inMemory;
    private readonly long[]? _offsets;
    private readonly int[]? _lengths;
    private readonly SafeFileHandle? _file;

    private PairTexts(string?[] inMemory) => _inMemory = inMemory;

    private PairTexts(long[] offsets, int[] lengths, SafeFileHandle file)
    {
        _offsets = offsets;
        _lengths = lengths;
        _file = file;
    }

    /// <summary>Documents whose text is held.</summary>
    public int Count { get; private init; }

    /// <summary>
    /// Reads <paramref name="documents"/> (the same input, options and order as the run) and keeps the texts of the
    /// documents that appear in <paramref name="result"/>'s pairs.
    /// </summary>
    /// <param name="documents">The run's input, read again.</param>
    /// <param name="result">The run.</param>
    /// <param name="spillDirectory">Where to keep the texts in a temporary file; null keeps them in memory.</param>
    /// <param name="cancellationToken">Stops the read.</param>
    /// <exception cref="InvalidOperationException">The input does not match the run (an id differs at an ordinal).</exception>
    public static PairTexts Collect(IEnumerable<CorpusDocument> documents, DedupResult result, string? spillDirectory, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(documents);
        ArgumentNullException.ThrowIfNull(result);
        int n = result.Documents.Count;
        var needed = new bool[n];
        foreach (var pair in result.Pairs)
        {
            needed[pair.A] = true;
            needed[pair.B] = true;
        }
        int count = needed.Count(x => x);
        if (spillDirectory is null)
        {
            var texts = new string?[n];
            ForNeeded(documents, result, needed, count, cancellationToken, doc => texts[doc.Ordinal] = doc.Text);
            return new PairTexts(texts) { Count = count };
        }

        var file = SpillFile.Create(spillDirectory, "texts");
        try
        {
            var offsets = new long[n];
            var lengths = new int[n];
            long position = 0;
            byte[] buffer = new byte[1 << 16];
            ForNeeded(documents, result, needed, count, cancellationToken, doc =>
            {
                int max = Encoding.UTF8.GetMaxByteCount(doc.Text.Length);
                if (buffer.Length < max) buffer = new byte[Math.Max(max, buffer.Length * 2)];
                int written = Encoding.UTF8.GetBytes(doc.Text, buffer);
                RandomAccess.Write(file, buffer.AsSpan(0, written), position);
                offsets[doc.Ordinal] = position;
                lengths[doc.Ordinal] = written;
                position += written;
            });
            return new PairTexts(offsets, lengths, file) { Count = count };
        }
        catch
        {
            file.Dispose();
            throw;
        }
    }

    private static void ForNeeded(IEnumerable<CorpusDocument> documents, DedupResult result, bool[] needed, int count,
        CancellationToken cancellationToken, Action<CorpusDocument> keep)
    {
        if (count == 0) return;
        int seen = 0;
        foreach (var doc in documents)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (doc.Ordinal >= needed.Length || result.Documents[(int)doc.Ordinal].Id != doc.Id)
                throw new InvalidOperationException($"The input changed between the run and the second read: {doc.Location} has id '{doc.Id}' at position {doc.Ordinal}.");
            if (!needed[doc.Ordinal]) continue;
            keep(doc);
            if (++seen == count) break; // the rest of the input holds no paired document
        }
        if (seen < count)
            throw new InvalidOperationException($"The input changed between the run and the second read: {count - seen} paired document(s) were not found again.");
    }

    /// <summary>The text of the document with ordinal <paramref name="ordinal"/>, which must appear in a pair.</summary>
    /// <exception cref="InvalidOperationException">The document is in no pair.</exception>
    public string Get(int ordinal)
    {
        if (_inMemory is not null)
            return _inMemory[ordinal] ?? throw new InvalidOperationException($"Document {ordinal} is in no pair; its text was not kept.");
        int length = _lengths![ordinal];
        // An empty text is never paired (it has no shingles), so a zero length means "not kept".
        if (length == 0) throw new InvalidOperationException($"Document {ordinal} is in no pair; its text was not kept.");
        byte[] rented = ArrayPool<byte>.Shared.Rent(Math.Max(1, length));
        try
        {
            int read = 0;
            while (read < length)
            {
                int r = RandomAccess.Read(_file!, rented.AsSpan(read, length - read), _offsets![ordinal] + read);
                if (r == 0) throw new IOException("Unexpected end of the text spill file.");
                read += r;
            }
            return Encoding.UTF8.GetString(rented, 0, length);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(rented);
        }
    }

    /// <summary>Deletes the spill file.</summary>
    public void Dispose() => _file?.Dispose();
}
