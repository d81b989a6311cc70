using System.Globalization;

namespace NearDup.Report;

/// <summary>
/// Writes a run's HTML report: <c>index.html</c> and one page per pair, <c>pairs/&lt;n&gt;.html</c> (n = the
/// pair's line in pairs.jsonl). Everything goes into a temporary sibling folder that is renamed into place by
/// <see cref="Complete"/>, so the report folder is never seen half-written; an existing report there is replaced.
/// Disposing without completing deletes the temporary folder.
/// </summary>
public sealed class DedupReportWriter : IDisposable
{
    /// <summary>The folder of pair pages inside the report.</summary>
    public const string PairsFolder = "pairs";
    /// <summary>The index file name.</summary>
    public const string IndexFile = "index.html";

    private readonly string _temp;
    private readonly int _pairCount;
    private bool _completed;

    /// <summary>Starts a report for a run with <paramref name="pairCount"/> pairs, to be placed at <paramref name="directory"/>.</summary>
    /// <exception cref="ArgumentException">The folder exists and is not an earlier report (see <see cref="Validate"/>).</exception>
    public DedupReportWriter(string directory, int pairCount)
    {
        Validate(directory, protectedFolder: null);
        Directory = FullPath(directory);
        string parent = Path.GetDirectoryName(Directory) ?? throw new ArgumentException($"The report folder {directory} has no parent folder.", nameof(directory));
        System.IO.Directory.CreateDirectory(parent);
        _temp = Path.Combine(parent, $".{Path.GetFileName(Directory)}.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp");
        System.IO.Directory.CreateDirectory(Path.Combine(_temp, PairsFolder));
        _pairCount = pairCount;
    }

    /// <summary>
    /// Checks, before a long run, that <paramref name="directory"/> can take the report: it must not exist, be
    /// empty, or hold an earlier report (an <c>index.html</c>), since completing the report replaces the folder; and it
    /// must neither be nor contain <paramref name="protectedFolder"/> (the run's output folder).
    /// </summary>
    /// <exception cref="ArgumentException">The folder cannot take the report; the message says why.</exception>
    public static void Validate(string directory, string? protectedFolder)
    {
        ArgumentException.ThrowIfNullOrEmpty(directory);
        string full = FullPath(directory);
        if (Path.GetDirectoryName(full) is null)
            throw new ArgumentException($"--report {directory}: the report folder cannot be a root folder.", nameof(directory));
        if (protectedFolder is not null)
        {
            string other = FullPath(protectedFolder);
            if (other == full || other.StartsWith(full + Path.DirectorySeparatorChar, StringComparison.Ordinal))
                throw new ArgumentException($"--report {directory}: the report needs a folder of its own (it replaces the folder), not the output folder or one that holds it.", nameof(directory));
        }
        if (System.IO.Directory.Exists(full) && System.IO.Directory.EnumerateFileSystemEntries(full).Any() && !File.Exists(Path.Combine(full, IndexFile)))
            throw new ArgumentException($"--report {directory}: the folder exists and is not an earlier NearDup report (no {IndexFile}); refusing to replace it.", nameof(directory));
    }

    private static string FullPath(string directory) =>
        Path.GetFullPath(directory).TrimEnd(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar);

    /// <summary>The final report folder.</summary>
    public string Directory { get; }

    /// <summary>The relative href of pair <paramref name="n"/>'s page (1-based) from the index.</summary>
    public static string PairHref(int n) => $"{PairsFolder}/{n.ToString(CultureInfo.InvariantCulture)}.html";

    /// <summary>Writes the page of one aligned pair. Thread-safe (each pair has its own file).</summary>
    public void WritePairPage(AlignedPair pair)
    {
        ArgumentNullException.ThrowIfNull(pair);
        int n = pair.Index + 1;
        var model = new PairPageModel
        {
            IdA = pair.IdA,
            IdB = pair.IdB,
            TextA = pair.TextA,
            TextB = pair.TextB,
            Alignment = pair.Alignment,
            Relation = pair.Pair.Relation,
            Resemblance = pair.Pair.Resemblance,
            ContainmentAInB = pair.Pair.ContainmentAInB,
            ContainmentBInA = pair.Pair.ContainmentBInA,
            SharedWords = pair.Pair.SharedWords,
            Caption = $"pair {Html.Count(n)} of {Html.Count(_pairCount)}",
            Links = new PairPageLinks("../" + IndexFile,
                n > 1 ? $"{(n - 1).ToString(CultureInfo.InvariantCulture)}.html" : null,
                n < _pairCount ? $"{(n + 1).ToString(CultureInfo.InvariantCulture)}.html" : null),
        };
        PairPage.Write(Path.Combine(_temp, PairsFolder, $"{n.ToString(CultureInfo.InvariantCulture)}.html"), model);
    }

    /// <summary>Writes <c>index.html</c> and moves the report into place.</summary>
    /// <param name="result">The run.</param>
    /// <param name="summaries">Per pair, in order, its passages and coverage (from <see cref="PairAlignmentRun"/>).</param>
    /// <param name="subtitle">A line under the title (e.g. the inputs), or null.</param>
    public void Complete(DedupResult result, IReadOnlyList<PairAlignmentSummary> summaries, string? subtitle)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(summaries);
        using (var stream = new FileStream(Path.Combine(_temp, IndexFile), FileMode.Create, FileAccess.Write, FileShare.None, 1))
        using (var w = new StreamWriter(stream, Html.Utf8, 1 << 16))
            ReportIndex.Render(w, result, summaries, subtitle, PairHref);

        string? old = null;
        if (System.IO.Directory.Exists(Directory))
        {
            old = _temp + ".old";
            System.IO.Directory.Move(Directory, old);
        }
        System.IO.Directory.Move(_temp, Directory);
        _completed = true;
        if (old is not null)
        {
            try { System.IO.Directory.Delete(old, recursive: true); }
            catch (IOException) { /* best effort: the new report is in place */ }
            catch (UnauthorizedAccessException) { /* idem */ }
        }
    }

    /// <summary>Deletes the temporary folder unless the report was completed.</summary>
    public void Dispose()
    {
        if (_completed || !System.IO.Directory.Exists(_temp)) return;
        try { System.IO.Directory.Delete(_temp, recursive: true); }
        catch (IOException) { /* best effort */ }
        catch (UnauthorizedAccessException) { /* best effort */ }
    }
}
