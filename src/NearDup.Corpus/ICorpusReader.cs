namespace NearDup.Corpus;

/// <summary>
/// Reads the documents of one or more inputs, in a deterministic order, with progress and a report of skipped
/// bad records. Created by <see cref="Corpus.Open"/>. As it reads, it records where each document came from (its
/// line or row) and each input file's size and last write time, so that once read to the end it can be handed to
/// <see cref="CorpusWriter.WriteSubset(ICorpusReader, Func{long, bool}, string)"/> to copy the kept documents
/// without parsing the inputs again (8 bytes a document).
/// </summary>
public interface ICorpusReader
{
    /// <summary>
    /// The documents, in input order (folders: files sorted by ordinal relative path), with <see cref="CorpusDocument.Ordinal"/>
    /// counting from 0 over the whole read. Files are opened lazily and closed when enumeration ends or is disposed.
    /// A reader reads once: a second call throws <see cref="InvalidOperationException"/>.
    /// </summary>
    /// <exception cref="CorpusException">On a bad record (unless skipped) or an unreadable input.</exception>
    IEnumerable<CorpusDocument> ReadDocuments();

    /// <summary>Bytes consumed so far (for .gz, compressed bytes). Reaches <see cref="TotalBytes"/> when the read completes.
    /// Safe to read from another thread.</summary>
    long BytesRead { get; }

    /// <summary>Total size of all inputs in bytes (compressed size for .gz), or null if unknown.</summary>
    long? TotalBytes { get; }

    /// <summary>Documents produced so far. Safe to read from another thread.</summary>
    long DocumentsRead { get; }

    /// <summary>Bad records skipped so far (only under <see cref="BadRecordAction.Skip"/>). Thread-safe.</summary>
    SkipReport SkipReport { get; }
}
