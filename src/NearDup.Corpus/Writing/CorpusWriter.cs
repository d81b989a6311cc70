using System.IO.Compression;

namespace NearDup.Corpus;

/// <summary>What <see cref="CorpusWriter.WriteSubset"/> did.</summary>
/// <param name="DocumentsRead">Documents the re-read produced (equal to the reader's count for unchanged inputs and options).</param>
/// <param name="DocumentsKept">Documents written.</param>
/// <param name="OutputPaths">One output per input, in input order: a file for JSONL and Parquet, a folder for folder inputs.</param>
/// <param name="SkipReport">Bad records skipped by the re-read (under <see cref="BadRecordAction.Skip"/>).</param>
public sealed record CorpusSubsetResult(long DocumentsRead, long DocumentsKept, IReadOnlyList<string> OutputPaths, SkipReport SkipReport);

/// <summary>Writes the de-duplicated copy of a corpus: the kept documents, in each input's own format.</summary>
public static class CorpusWriter
{
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
        var targets = resolved.Select(input => Path.Combine(outDir, OutputName(input))).ToArray();
        CheckTargets(resolved, targets);
        Directory.CreateDirectory(outDir);

        var session = new ReadSession(options);
        var pending = new List<(string Temp, string Target, bool IsFolder)>();
        long kept = 0;
        try
        {
            for (int i = 0; i < resolved.Length; i++)
            {
                var input = resolved[i];
                string temp = Path.Combine(outDir, $".{OutputName(input)}.{Guid.NewGuid():N}.tmp");
                pending.Add((temp, targets[i], input.IsFolder));
                kept += input.Format switch
                {
                    CorpusFormat.Jsonl => WriteJsonl(input, session, keep, temp),
                    CorpusFormat.Parquet => WriteParquet(input, session, keep, temp),
                    _ => WriteFolder(input, session, keep, temp),
                };
            }

            if (expectedDocumentCount is { } expected && expected != session.DocumentCount)
                throw new InvalidOperationException(
                    $"The inputs now yield {session.DocumentCount} documents, but {expected} were expected; " +
                    "the inputs or options changed since they were read, so ordinals would not match.");

            foreach (var (temp, target, isFolder) in pending)
                Commit(temp, target, isFolder);
            pending.Clear();
        }
        finally
        {
            foreach (var (temp, _, isFolder) in pending)
                DeleteQuietly(temp, isFolder);
        }
        return new CorpusSubsetResult(session.DocumentCount, kept, targets, session.SkipReport);
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
        try
        {
            ParquetRowCopier.CopyRowsAsync(input.Path, keptRows, file).GetAwaiter().GetResult();
        }
        catch (Exception e) when (e is not CorpusException and not IOException)
        {
            // The input was just read successfully, so a failure here is Parquet.Net rejecting the copy.
            throw new CorpusException(CorpusErrorReason.UnreadableFile, new SourceLocation(input.Path), null,
                $"cannot copy rows: {e.Message}", e);
        }
        return keptRows.Count;
    }

    private static string OutputName(CorpusInput input) =>
        Path.GetFileName(Path.TrimEndingDirectorySeparator(Path.GetFullPath(input.Path)));

    private static void CheckTargets(CorpusInput[] inputs, string[] targets)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (int i = 0; i < inputs.Length; i++)
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
