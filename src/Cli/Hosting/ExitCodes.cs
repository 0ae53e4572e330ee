namespace Conformance.Cli.Hosting;

/// <summary>
/// What the `conformance` program's exit code means, the same in every command (README "Exit codes",
/// docs/cli.md). Scripts and CI branch on these numbers, so a number never changes its meaning.
/// </summary>
internal static class ExitCodes
{
    /// <summary>The command did what it was asked; for `run`/`report`: no case failed (pass, not-applicable and peer-defect do not fail).</summary>
    public const int Success = 0;

    /// <summary>What the command checked failed: a case failed, the peer answered a failure status, a file's content is not what it must be.</summary>
    public const int Failed = 1;

    /// <summary>The command line is wrong: unknown option, bad or out-of-range value, a named file that does not exist, an output directory that cannot be written.</summary>
    public const int Usage = 2;

    /// <summary>The command could not start: a tool, the Docker engine, a peer image or a port it needs is missing or busy, or setup failed.</summary>
    public const int Environment = 3;

    /// <summary>The DICOM conversation did not complete: the peer could not be reached, rejected or aborted the association, or timed out.</summary>
    public const int Network = 4;

    /// <summary>A defect of the suite itself (an exception nobody expected); the message asks for a report.</summary>
    public const int Internal = 5;

    /// <summary>Interrupted (Ctrl+C, SIGTERM): 128 + SIGINT, as shells report it.</summary>
    public const int Interrupted = 130;

    /// <summary>The table as README and `--help` show it: code, name, meaning.</summary>
    public static IReadOnlyList<(int Code, string Name, string Meaning)> Table { get; } =
    [
        (Success, "success", "done; for run/report: no case failed (pass, not-applicable, peer-defect)"),
        (Failed, "failed", "a case failed, the peer answered a failure status, or an input's content is invalid"),
        (Usage, "usage", "the command line is wrong: unknown option, bad value, missing input, unwritable output"),
        (Environment, "environment", "could not start: a tool, the Docker engine, an image or a port is missing or busy; setup failed"),
        (Network, "network", "the peer could not be reached, rejected or aborted the association, or timed out"),
        (Internal, "internal", "a defect of the suite (please report it with the command line)"),
        (Interrupted, "interrupted", "stopped by Ctrl+C or SIGTERM"),
    ];
}
