using System.IO.Compression;

namespace NearDup.Corpus;

/// <summary>What a <see cref="CorpusWriter"/> WriteSubset call did.</summary>
/// <param name="DocumentsRead">Documents in the corpus: those the reader read, or those the re-read produced (equal to
/// the reader's count for unchanged inputs and options).</param>
/// <param name="DocumentsKept">Documents written.</param>
/// <param name="OutputPaths">One output per input, in input order: a file for JSONL and Parquet, a folder for folder inputs.</param>
/// <param name="SkipReport">Bad records skipped (under <see cref="BadRecordAction.Skip"/>) by the reader, or by the re-read.</param>
public sealed record CorpusSubsetResult(long DocumentsRead, long DocumentsKept, IReadOnlyList<string> OutputPaths, SkipReport SkipReport);

/// <summary>Writes the de-duplicated copy of a corpus: the kept documents, in each input's own format.</summary>
public static class CorpusWriter
{
    /// <summary>
    /// Writes the documents of a corpus already read through <paramref name="reader"/> for which <paramref name="keep"/>
    /// returns true, preserving their source form as <see cref="WriteSubset(IReadOnlyList{string}, CorpusOptions, Func{long, bool}, string, long?)"/>
    /// does, to the same outputs and with the same atomicity, without parsing the inputs again: the reader recorded the
    /// line (JSONL) or row (Parquet) of every document, so JSONL lines are copied as raw bytes while the file is split
    /// into lines once more, and Parquet rows are copied directly. If any input is a folder, the inputs are re-read with
    /// the reader's options instead (folder documents are whole files; ordinals run across all inputs, so the whole
    /// call takes that path).
    /// </summary>
    /// <param name="reader">A reader opened by <see cref="Corpus.Open"/> whose <see cref="ICorpusReader.ReadDocuments"/>
    /// has been enumerated to the end.</param>
    /// <param name="keep">Called once per document, in ordinal order; true keeps the document.</param>
    /// <param name="outDir">Output folder; created if missing.</param>
    /// <exception cref="ArgumentException">The reader was not opened by <see cref="Corpus.Open"/>; two inputs would write
    /// the same output, or an output would replace an input.</exception>
    /// <exception cref="InvalidOperationException">The reader has not been read to the end, or an input file changed
    /// since it was read (its size or last write time differs, or it ends before a kept line or row); nothing is written.</exception>
    /// <exception cref="CorpusException">An input cannot be opened or read (or, on the folder path, as for the re-read).</exception>
    public static CorpusSubsetResult WriteSubset(ICorpusReader reader, Func<long, bool> keep, string outDir)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(keep);
        ArgumentException.ThrowIfNullOrEmpty(outDir);
        if (reader is not CorpusReader corpusReader)
            throw new ArgumentException("The reader must be one opened by Corpus.Open.", nameof(reader));
        var positions = corpusReader.Positions ?? throw new InvalidOperationException(
            "The corpus has not been read to the end, so its documents' ordinals are not all known; " +
            "enumerate ReadDocuments() to the end before writing the subset.");

        var inputs = corpusReader.Inputs;
        if (inputs.Any(input => input.IsFolder))
            return WriteSubset(inputs.Select(input => input.Path).ToArray(), corpusReader.Options, keep, outDir, positions.DocumentCount);

        var (targets, kept) = WriteAtomically(inputs, outDir, (index, temp) => inputs[index].Format == CorpusFormat.Jsonl
            ? CopyJsonlLines(inputs[index], corpusReader.Options, positions, index, keep, temp)
            : CopyParquetRows(inputs[index], positions, index, keep, temp));
        return new CorpusSubsetResult(positions.DocumentCount, kept, targets, corpusReader.SkipReport);
    }

    /// <summary>
    /// Re-reads <paramref name="inputs"/> with <paramref name="options"/> (documents are not held in memory), so
    /// ordinals, skipped bad records included, match exactly what <see cref="Corpus.Open"/> produced with the same
    /// options; writes the documents for which <paramref name="keep"/> returns true, preserving their source form:
    /// <list type="bullet">
    /// <item>JSONL: the original line bytes, to <c>outDir/&lt;input file name&gt;</c> (gzip again if the input was gzip);</item>
    /// <item>text/HTML folders: the original files, to <c>outDir/&lt;input folder name&gt;/&lt;relative path&gt;</c>;</item>
    /// <item>Parquet: the kept rows with the input's schema, to <c>outDir/&lt;input file name&gt;</c>.</item>
    /// </list>
    /// Every output is written under a temporary name in <paramref name="outDir"/> and renamed into place only after
    /// all inputs were written; on any failure the temporary outputs are deleted and existing outputs are left as they were.
    /// With the reader that read the corpus at hand, <see cref="WriteSubset(ICorpusReader, Func{long, bool}, string)"/>
    /// writes the same outputs without parsing JSONL and Parquet inputs again.
    /// </summary>
    /// <param name="inputs">The input paths, as given to <see cref="Corpus.Open"/>.</param>
    /// <param name="options">The options the corpus was read with.</param>
    /// <param name="keep">Called once per document, in ordinal order; true keeps the document.</param>
    /// <param name="outDir">Output folder; created if missing.</param>
    /// <param name="expectedDocumentCount">If given, the number of documents the original read produced; a different
    /// count means the inputs changed since, so ordinals would not line up, and nothing is written.</param>
    /// <exception cref="CorpusException">The re-read met a fatal or (under <see cref="BadRecordAction.Fail"/>) bad record.</exception>
    /// <exception cref="InvalidOperationException">The document count differs from <paramref name="expectedDocumentCount"/>.</exception>
    /// <exception cref="ArgumentException">Two inputs would write the same output, or an output would replace an input.</exception>
    public static CorpusSubsetResult WriteSubset(IReadOnlyList<string> inputs, CorpusOptions options, Func<long, bool> keep,
        string outDir, long? expectedDocumentCount = null)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(keep);
        ArgumentException.ThrowIfNullOrEmpty(outDir);
        options.Validate();

        var resolved = inputs.Select(path => CorpusInput.Resolve(path, options)).ToArray();
        var session = new ReadSession(options);
        var (targets, kept) = WriteAtomically(resolved, outDir, (index, temp) => resolved[index].Format switch
        {
            CorpusFormat.Jsonl => WriteJsonl(resolved[index], session, keep, temp),
            CorpusFormat.Parquet => WriteParquet(resolved[index], session, keep, temp),
            _ => WriteFolder(resolved[index], session, keep, temp),
        }, beforeCommit: () =>
        {
            if (expectedDocumentCount is { } expected && expected != session.DocumentCount)
                throw new InvalidOperationException(
                    $"The inputs now yield {session.DocumentCount} documents, but {expected} were expected; " +
                    "the inputs or options changed since they were read, so ordinals would not match.");
        });
        return new CorpusSubsetResult(session.DocumentCount, kept, targets, session.SkipReport);
    }

    /// <summary>
    /// Writes one output per input under a temporary name in <paramref name="outDir"/> (<paramref name="writeInput"/>
    /// gets the input's index and temporary path and returns the documents it kept), runs <paramref name="beforeCommit"/>,
    /// then renames every output into place; on any failure the temporary outputs are deleted and existing outputs stay.
    /// </summary>
    private static (string[] Targets, long Kept) WriteAtomically(IReadOnlyList<CorpusInput> inputs, string outDir,
        Func<int, string, long> writeInput, Action? beforeCommit = null)
    {
        var targets = inputs.Select(input => Path.Combine(outDir, OutputName(input))).ToArray();
        CheckTargets(inputs, targets);
        Directory.CreateDirectory(outDir);

        var pending = new List<(string Temp, string Target, bool IsFolder)>();
        long kept = 0;
        try
        {
            for (int i = 0; i < inputs.Count; i++)
            {
                var input = inputs[i];
                string temp = Path.Combine(outDir, $".{OutputName(input)}.{Guid.NewGuid():N}.tmp");
                pending.Add((temp, targets[i], input.IsFolder));
                kept += writeInput(i, temp);
            }
            beforeCommit?.Invoke();

            foreach (var (temp, target, isFolder) in pending)
                Commit(temp, target, isFolder);
            pending.Clear();
        }
        finally
        {
            foreach (var (temp, _, isFolder) in pending)
                DeleteQuietly(temp, isFolder);
        }
        return (targets, kept);
    }

    /// <summary>
    /// Copies the kept documents' lines of a JSONL input (plain or gzip) byte for byte, terminators included. The file is
    /// split into lines as the reader split it (same buffer size and line limit, so line numbers agree) and read only up
    /// to the last kept line; nothing is decoded or parsed, since the reader already validated every kept line.
    /// </summary>
    private static long CopyJsonlLines(CorpusInput input, CorpusOptions options, ReadPositions positions, int inputIndex,
        Func<long, bool> keep, string temp)
    {
        var file = input.Files[0];
        using var source = OpenUnchanged(file, bufferSize: 0); // the line reader reads in large blocks of its own
        bool gzip = JsonlInputReader.IsGzip(source);
        long kept = 0;
        using (var target = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, bufferSize: 1 << 16))
        using (Stream output = gzip ? new GZipStream(target, CompressionLevel.Optimal) : target)
        using (var decompressed = gzip ? new GZipStream(source, CompressionMode.Decompress, leaveOpen: true) : null)
        {
            var lines = new Utf8LineReader(decompressed ?? (Stream)source, file.Path, options.JsonlBufferSize, JsonlInputReader.MaxLineBytesFor(options));
            for (long ordinal = positions.InputStarts[inputIndex]; ordinal < positions.InputStarts[inputIndex + 1]; ordinal++)
            {
                if (!keep(ordinal))
                    continue;
                long lineNumber = positions.Positions[ordinal];
                ReadOnlyMemory<byte> line;
                bool tooLong;
                do
                {
                    if (!lines.TryReadLine(out line, out tooLong))
                        throw Changed(file, $"it ends before line {lineNumber}");
                } while (lines.LineNumber < lineNumber);
                if (tooLong)
                    throw Changed(file, $"line {lineNumber} is now too long to be a document");
                output.Write(line.Span);
                kept++;
            }
        }
        // Also catches a file rewritten in place while it was being copied.
        EnsureUnchanged(source, file);
        return kept;
    }

    /// <summary>Copies the kept documents' rows of a Parquet input, found from the rows the reader recorded.</summary>
    private static long CopyParquetRows(CorpusInput input, ReadPositions positions, int inputIndex, Func<long, bool> keep, string temp)
    {
        var file = input.Files[0];
        var keptRows = new List<long>();
        for (long ordinal = positions.InputStarts[inputIndex]; ordinal < positions.InputStarts[inputIndex + 1]; ordinal++)
            if (keep(ordinal))
                keptRows.Add(positions.Positions[ordinal]);

        using var source = OpenUnchanged(file, ParquetStreamBufferSize);
        using (var target = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, bufferSize: 1 << 16))
        {
            int copied = CopyRows(source, file.Path, keptRows, target);
            if (copied < keptRows.Count)
                throw Changed(file, $"it ends before row {keptRows[copied]}");
        }
        EnsureUnchanged(source, file);
        return keptRows.Count;
    }

    private static long WriteJsonl(CorpusInput input, ReadSession session, Func<long, bool> keep, string temp)
    {
        var reader = new JsonlInputReader(input, session);
        bool gzip = JsonlInputReader.IsGzip(input.Path);
        long kept = 0;
        using (var file = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, bufferSize: 1 << 16))
        using (Stream output = gzip ? new GZipStream(file, CompressionLevel.Optimal) : file)
        {
            foreach (var document in reader.Read())
            {
                if (!keep(document.Ordinal))
                    continue;
                output.Write(reader.CurrentLine.Span);
                kept++;
            }
        }
        return kept;
    }

    private static long WriteFolder(CorpusInput input, ReadSession session, Func<long, bool> keep, string temp)
    {
        var reader = (FolderInputReader)InputReader.Create(input, session);
        Directory.CreateDirectory(temp);
        long kept = 0;
        foreach (var document in reader.Read())
        {
            if (!keep(document.Ordinal))
                continue;
            var source = reader.CurrentFile;
            string destination = Path.Combine(temp, source.RelativePath);
            Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
            File.Copy(source.Path, destination);
            kept++;
        }
        return kept;
    }

    private static long WriteParquet(CorpusInput input, ReadSession session, Func<long, bool> keep, string temp)
    {
        // Rows are chosen in one pass and copied in a second, because copying goes column by column.
        var keptRows = new List<long>();
        foreach (var document in new ParquetInputReader(input, session).Read())
            if (keep(document.Ordinal))
                keptRows.Add(document.Location.Row!.Value);

        using var file = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, bufferSize: 1 << 16);
        using var source = InputReader.OpenFile(input.Path, ParquetStreamBufferSize);
        CopyRows(source, input.Path, keptRows, file);
        return keptRows.Count;
    }

    // As the Parquet reader: Parquet.Net reads many small pieces, so it benefits from a stream buffer.
    private const int ParquetStreamBufferSize = 1 << 16;

    /// <summary>Copies the rows <paramref name="keptRows"/> (ascending) of the Parquet file open in <paramref name="source"/>;
    /// returns how many of them the file has.</summary>
    private static int CopyRows(Stream source, string path, IReadOnlyList<long> keptRows, Stream output)
    {
        try
        {
            return ParquetRowCopier.CopyRowsAsync(source, path, keptRows, output).GetAwaiter().GetResult();
        }
        catch (Exception e) when (e is not CorpusException and not IOException)
        {
            // The input was read successfully, so a failure here is Parquet.Net rejecting the copy.
            throw new CorpusException(CorpusErrorReason.UnreadableFile, new SourceLocation(path), null,
                $"cannot copy rows: {e.Message}", e);
        }
    }

    /// <summary>Opens an input file for copying, refusing it if it is no longer the file the reader read.</summary>
    private static FileStream OpenUnchanged(InputFile file, int bufferSize)
    {
        var stream = InputReader.OpenFile(file.Path, bufferSize);
        try
        {
            EnsureUnchanged(stream, file);
            return stream;
        }
        catch
        {
            stream.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Throws if the open file's size or last write time differs from when the reader listed it. Checked through the
    /// handle, so it is the file actually copied that is checked, even if the path was replaced in the meantime.
    /// </summary>
    private static void EnsureUnchanged(FileStream stream, InputFile file)
    {
        long length = RandomAccess.GetLength(stream.SafeFileHandle);
        if (length != file.Length)
            throw Changed(file, $"it now has {length} bytes, {file.Length} when it was read");
        var lastWrite = File.GetLastWriteTimeUtc(stream.SafeFileHandle);
        if (lastWrite != file.LastWriteTimeUtc)
            throw Changed(file, $"it was last written at {lastWrite:O}, not {file.LastWriteTimeUtc:O} as when it was read");
    }

    private static InvalidOperationException Changed(InputFile file, string detail) =>
        new($"The input {file.Path} changed since it was read ({detail}), so the recorded documents no longer match it; " +
            "the de-duplicated copy was not written. Run again on the current input.");

    private static string OutputName(CorpusInput input) =>
        Path.GetFileName(Path.TrimEndingDirectorySeparator(Path.GetFullPath(input.Path)));

    private static void CheckTargets(IReadOnlyList<CorpusInput> inputs, string[] targets)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (int i = 0; i < inputs.Count; i++)
        {
            string target = Path.GetFullPath(targets[i]);
            if (!seen.Add(target))
                throw new ArgumentException($"Two inputs would both be written to {targets[i]}; give them different names.");
            if (string.Equals(target, Path.TrimEndingDirectorySeparator(Path.GetFullPath(inputs[i].Path)), StringComparison.Ordinal))
                throw new ArgumentException($"The output {targets[i]} would replace its input; choose another output folder.");
        }
    }

    /// <summary>Moves a finished temporary output into place, replacing any previous output.</summary>
    private static void Commit(string temp, string target, bool isFolder)
    {
        if (!isFolder)
        {
            File.Move(temp, target, overwrite: true);
            return;
        }
        if (!Directory.Exists(target))
        {
            Directory.Move(temp, target);
            return;
        }
        // Folders cannot be swapped in one rename: move the old one aside first, and delete it only once the new one is in place.
        string old = $"{temp}.old";
        Directory.Move(target, old);
        Directory.Move(temp, target);
        DeleteQuietly(old, isFolder: true);
    }

    private static void DeleteQuietly(string path, bool isFolder)
    {
        try
        {
            if (isFolder && Directory.Exists(path))
                Directory.Delete(path, recursive: true);
            else if (!isFolder)
                File.Delete(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Best effort: the original failure is what the caller needs to see.
        }
    }
}
