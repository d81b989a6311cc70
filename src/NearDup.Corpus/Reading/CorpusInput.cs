namespace NearDup.Corpus;

/// <summary>A file that belongs to an input: its path (input folder joined with the relative path), and its size and
/// last write time when listed.</summary>
/// <param name="Path">Path to open; also what error messages and <see cref="SourceLocation.File"/> show.</param>
/// <param name="RelativePath">Path relative to the input folder with '/' separators (the document id for folders);
/// the file name for single-file inputs.</param>
/// <param name="Length">Size in bytes when the input was opened.</param>
/// <param name="LastWriteTimeUtc">Last write time when the input was opened; with <paramref name="Length"/>, what tells
/// the subset writer whether the file is still the one that was read.</param>
internal readonly record struct InputFile(string Path, string RelativePath, long Length, DateTime LastWriteTimeUtc);

/// <summary>
/// One input path with its format decided and, for folders, its files listed and sorted, so that every reader of
/// the same input (the reader and, later, the subset writer) sees the same files in the same order.
/// </summary>
internal sealed class CorpusInput
{
    private static readonly string[] JsonlExtensions = [".jsonl", ".json", ".ndjson"];

    private CorpusInput(string path, CorpusFormat format, IReadOnlyList<InputFile> files)
    {
        Path = path;
        Format = format;
        Files = files;
        TotalBytes = files.Sum(f => f.Length);
    }

    /// <summary>The path as given.</summary>
    public string Path { get; }

    /// <summary>The resolved format (never <see cref="CorpusFormat.Auto"/>).</summary>
    public CorpusFormat Format { get; }

    /// <summary>The input's files in read order: one for JSONL and Parquet, the sorted matching files for folders.</summary>
    public IReadOnlyList<InputFile> Files { get; }

    /// <summary>Sum of the files' sizes (compressed size for .gz).</summary>
    public long TotalBytes { get; }

    /// <summary>True for folder formats.</summary>
    public bool IsFolder => Format is CorpusFormat.TextFolder or CorpusFormat.HtmlFolder;

    /// <summary>Checks that <paramref name="path"/> exists, decides its format, and lists its files.
    /// Throws an always-fatal <see cref="CorpusException"/> on a missing path, unknown format or unlistable folder.</summary>
    public static CorpusInput Resolve(string path, CorpusOptions options)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        var location = new SourceLocation(path);

        if (Directory.Exists(path))
        {
            var format = options.Format;
            if (format is CorpusFormat.Jsonl or CorpusFormat.Parquet)
                throw new CorpusException(CorpusErrorReason.UnknownFormat, location, null,
                    $"is a folder, but the format was set to {format} (which reads a single file)");

            var all = ListFolder(path);
            if (format == CorpusFormat.Auto)
                format = DetectFolderFormat(path, all);
            var files = all.Where(f => MatchesFolderFormat(f.RelativePath, format)).ToArray();
            return new CorpusInput(path, format, files);
        }

        if (File.Exists(path))
        {
            var format = options.Format == CorpusFormat.Auto ? DetectFileFormat(path) : options.Format;
            if (format is CorpusFormat.TextFolder or CorpusFormat.HtmlFolder)
                throw new CorpusException(CorpusErrorReason.UnknownFormat, location, null,
                    $"is a file, but the format was set to {format} (which reads a folder)");
            long length;
            DateTime lastWriteTimeUtc;
            try
            {
                var info = new FileInfo(path);
                length = info.Length;
                lastWriteTimeUtc = info.LastWriteTimeUtc;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                throw new CorpusException(CorpusErrorReason.UnreadableFile, location, null, $"cannot read file: {e.Message}", e);
            }
            return new CorpusInput(path, format, [new InputFile(path, System.IO.Path.GetFileName(path), length, lastWriteTimeUtc)]);
        }

        throw new CorpusException(CorpusErrorReason.InputNotFound, location, null, "input does not exist");
    }

    /// <summary>The format <see cref="CorpusFormat.Auto"/> resolves to for an existing path.</summary>
    public static CorpusFormat Detect(string path) =>
        Resolve(path, new CorpusOptions()).Format;

    private static CorpusFormat DetectFileFormat(string path)
    {
        string name = System.IO.Path.GetFileName(path);
        if (name.EndsWith(".parquet", StringComparison.OrdinalIgnoreCase))
            return CorpusFormat.Parquet;
        string withoutGz = name.EndsWith(".gz", StringComparison.OrdinalIgnoreCase) ? name[..^3] : name;
        if (JsonlExtensions.Any(ext => withoutGz.EndsWith(ext, StringComparison.OrdinalIgnoreCase)))
            return CorpusFormat.Jsonl;
        throw new CorpusException(CorpusErrorReason.UnknownFormat, new SourceLocation(path), null,
            "unknown input format (expected a folder of .txt or .html files, a .jsonl/.json/.ndjson file (optionally .gz), or a .parquet file)");
    }

    private static CorpusFormat DetectFolderFormat(string path, IReadOnlyList<InputFile> files)
    {
        if (files.Any(f => MatchesFolderFormat(f.RelativePath, CorpusFormat.HtmlFolder)))
            return CorpusFormat.HtmlFolder;
        if (files.Any(f => MatchesFolderFormat(f.RelativePath, CorpusFormat.TextFolder)))
            return CorpusFormat.TextFolder;
        throw new CorpusException(CorpusErrorReason.UnknownFormat, new SourceLocation(path), null,
            "folder contains no .txt, .html or .htm files");
    }

    private static bool MatchesFolderFormat(string relativePath, CorpusFormat format) => format switch
    {
        CorpusFormat.TextFolder => relativePath.EndsWith(".txt", StringComparison.OrdinalIgnoreCase),
        CorpusFormat.HtmlFolder => relativePath.EndsWith(".html", StringComparison.OrdinalIgnoreCase)
                                   || relativePath.EndsWith(".htm", StringComparison.OrdinalIgnoreCase),
        _ => false,
    };

    /// <summary>All files under the folder (hidden and system files excluded), sorted by ordinal relative path.</summary>
    private static List<InputFile> ListFolder(string folder)
    {
        // Unlike the defaults, surface inaccessible subfolders instead of silently reading a partial corpus.
        var enumeration = new EnumerationOptions { RecurseSubdirectories = true, IgnoreInaccessible = false };
        try
        {
            var files = new List<InputFile>();
            foreach (var info in new DirectoryInfo(folder).EnumerateFiles("*", enumeration))
            {
                string relative = System.IO.Path.GetRelativePath(folder, info.FullName).Replace('\\', '/');
                files.Add(new InputFile(System.IO.Path.Combine(folder, relative), relative, info.Length, info.LastWriteTimeUtc));
            }
            files.Sort((a, b) => string.CompareOrdinal(a.RelativePath, b.RelativePath));
            return files;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or System.Security.SecurityException)
        {
            throw new CorpusException(CorpusErrorReason.UnreadableFile, new SourceLocation(folder), null, $"cannot list folder: {e.Message}", e);
        }
    }
}
