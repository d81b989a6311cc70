using NearDup.Corpus;

namespace NearDup.Cli.Commands;

/// <summary>
/// How every command turns a failure into a message and an exit code: bad input, bad options and files that cannot
/// be read or written are the user's to fix (exit 2, one line naming the file, line or option, no stack trace);
/// cancellation says that nothing was left half-written (outputs are written atomically).
/// </summary>
internal static class CommandErrors
{
    public static int Run(TextWriter stderr, Func<int> command)
    {
        try
        {
            return command();
        }
        catch (Exception e) when (e is CorpusException or ArgumentException or IOException or UnauthorizedAccessException)
        {
            stderr.WriteLine($"neardup: {e.Message}");
            return Program.ExitBadInput;
        }
        catch (OperationCanceledException)
        {
            stderr.WriteLine("neardup: cancelled; no output was changed half-way.");
            return Program.ExitFailure;
        }
    }
}
