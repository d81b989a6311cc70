using System.CommandLine;
using NearDup.Cli.Commands;

namespace NearDup.Cli;

/// <summary>The <c>neardup</c> command line: flags and glue only; every algorithm lives in the library.</summary>
public static class Program
{
    /// <summary>Exit code for success.</summary>
    public const int ExitOk = 0;
    /// <summary>Exit code for an unexpected failure.</summary>
    public const int ExitFailure = 1;
    /// <summary>Exit code for bad input or bad usage: the message names the file, line or option.</summary>
    public const int ExitBadInput = 2;

    /// <summary>Runs the command line.</summary>
    public static int Main(string[] args) => Run(args, Console.Out, Console.Error);

    /// <summary>Runs the command line with the given writers (tests pass their own).</summary>
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr)
    {
        var root = new RootCommand("NearDup: find duplicates and reused passages in document collections.")
        {
            DedupCommand.Create(stdout, stderr),
            CompareCommand.Create(stdout, stderr),
        };
        var parse = root.Parse(args);
        return parse.Invoke(new InvocationConfiguration { Output = stdout, Error = stderr });
    }
}
