namespace NearDup.Corpus;

/// <summary>Entry point for reading corpora.</summary>
public static class Corpus
{
    /// <summary>
    /// Opens a reader over all <paramref name="paths"/>, read in the order given. Every path is checked now
    /// (existence, format, folder listing), so a missing path or unknown format fails here rather than mid-read.
    /// </summary>
    /// <exception cref="CorpusException">A path does not exist, is unreadable, or its format is unknown.</exception>
    /// <exception cref="ArgumentException">The options are invalid or no path was given.</exception>
    public static ICorpusReader Open(IReadOnlyList<string> paths, CorpusOptions options)
    {
        ArgumentNullException.ThrowIfNull(paths);
        ArgumentNullException.ThrowIfNull(options);
        if (paths.Count == 0)
            throw new ArgumentException("At least one input path is required.", nameof(paths));
        options.Validate();
        var inputs = paths.Select(path => CorpusInput.Resolve(path, options)).ToArray();
        return new CorpusReader(inputs, new ReadSession(options));
    }

    /// <summary>The format <see cref="CorpusFormat.Auto"/> detects for an existing <paramref name="path"/>.</summary>
    /// <exception cref="CorpusException">The path does not exist or its format is unknown.</exception>
    public static CorpusFormat DetectFormat(string path) => CorpusInput.Detect(path);
}
