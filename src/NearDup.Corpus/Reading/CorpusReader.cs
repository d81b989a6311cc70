namespace NearDup.Corpus;

/// <summary>The <see cref="ICorpusReader"/> over a list of inputs sharing one <see cref="ReadSession"/>.</summary>
internal sealed class CorpusReader(IReadOnlyList<CorpusInput> inputs, ReadSession session) : ICorpusReader
{
    // _inputStarts[i] is the first ordinal of input i, and the last entry the document count; filled as the read goes.
    private readonly long[] _inputStarts = new long[inputs.Count + 1];
    private int _started;
    private volatile bool _completed;

    public long BytesRead => session.BytesRead;

    public long? TotalBytes { get; } = inputs.Sum(input => input.TotalBytes);

    public long DocumentsRead => session.DocumentCount;

    public SkipReport SkipReport => session.SkipReport;

    /// <summary>The inputs, as resolved (format, files, and their sizes and write times) when the reader was opened.</summary>
    public IReadOnlyList<CorpusInput> Inputs => inputs;

    /// <summary>The options the inputs are read with.</summary>
    public CorpusOptions Options => session.Options;

    /// <summary>Where every document came from, once <see cref="ReadDocuments"/> has been enumerated to the end; null before
    /// (or if the read stopped early or failed), since ordinals past that point were never assigned.</summary>
    public ReadPositions? Positions => _completed ? new ReadPositions(_inputStarts, session.Positions) : null;

    public IEnumerable<CorpusDocument> ReadDocuments()
    {
        // Ordinals and the duplicate-id set belong to one pass; a second pass would see every id as a duplicate.
        if (Interlocked.Exchange(ref _started, 1) != 0)
            throw new InvalidOperationException("A corpus reader reads once; open a new reader to read again.");
        return ReadAll();
    }

    private IEnumerable<CorpusDocument> ReadAll()
    {
        for (int i = 0; i < inputs.Count; i++)
        {
            _inputStarts[i] = session.DocumentCount;
            foreach (var document in InputReader.Create(inputs[i], session).Read())
                yield return document;
        }
        _inputStarts[inputs.Count] = session.DocumentCount;
        _completed = true;
    }
}

/// <summary>Where the documents of a finished read came from.</summary>
/// <param name="InputStarts">Per input, its first ordinal, followed by the document count: input i holds the ordinals
/// from <c>InputStarts[i]</c> up to, not including, <c>InputStarts[i + 1]</c>.</param>
/// <param name="Positions">Per ordinal, the document's line or row in its file (see <see cref="ReadSession.Positions"/>).</param>
internal sealed record ReadPositions(IReadOnlyList<long> InputStarts, ChunkedLongList Positions)
{
    /// <summary>Documents read from all inputs.</summary>
    public long DocumentCount => InputStarts[^1];
}
