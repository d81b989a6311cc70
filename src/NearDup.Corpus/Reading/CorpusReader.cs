namespace NearDup.Corpus;

/// <summary>The <see cref="ICorpusReader"/> over a list of inputs sharing one <see cref="ReadSession"/>.</summary>
internal sealed class CorpusReader(IReadOnlyList<CorpusInput> inputs, ReadSession session) : ICorpusReader
{
    private int _started;

    public long BytesRead => session.BytesRead;

    public long? TotalBytes { get; } = inputs.Sum(input => input.TotalBytes);

    public long DocumentsRead => session.DocumentCount;

    public SkipReport SkipReport => session.SkipReport;

    public IEnumerable<CorpusDocument> ReadDocuments()
    {
        // Ordinals and the duplicate-id set belong to one pass; a second pass would see every id as a duplicate.
        if (Interlocked.Exchange(ref _started, 1) != 0)
            throw new InvalidOperationException("A corpus reader reads once; open a new reader to read again.");
        return ReadAll();
    }

    private IEnumerable<CorpusDocument> ReadAll()
    {
        foreach (var input in inputs)
            foreach (var document in InputReader.Create(input, session).Read())
                yield return document;
    }
}
