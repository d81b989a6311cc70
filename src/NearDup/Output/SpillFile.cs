using Microsoft.Win32.SafeHandles;

namespace NearDup.Output;

/// <summary>
/// A temporary file for data a run spills to disk, that never outlives its handle. On Linux and macOS the file is
/// unlinked as soon as it is open, so nothing is left behind even when the process is killed (the open handle keeps
/// the data until disposed); on Windows, where an open file cannot be unlinked, it is deleted on close.
/// </summary>
public static class SpillFile
{
    /// <summary>Creates a spill file in <paramref name="directory"/> (created if missing), opened for reading and writing.</summary>
    /// <param name="directory">Where the data goes (the output folder: it has room for the outputs anyway).</param>
    /// <param name="kind">A word for the file name while it exists, e.g. <c>shingles</c>.</param>
    public static SafeFileHandle Create(string directory, string kind)
    {
        Directory.CreateDirectory(directory);
        string path = Path.Combine(directory, $".neardup-{kind}-{Environment.ProcessId}-{Guid.NewGuid():N}.tmp");
        bool unlinkNow = !OperatingSystem.IsWindows();
        var handle = File.OpenHandle(path, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None,
            unlinkNow ? FileOptions.None : FileOptions.DeleteOnClose);
        if (unlinkNow) File.Delete(path);
        return handle;
    }
}
