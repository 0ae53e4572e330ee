namespace Conformance.Harness.Processes;

/// <summary>What a finished process left behind: exit code, its two streams and how long it ran.</summary>
public sealed record ProcessResult(int ExitCode, string StandardOutput, string StandardError, TimeSpan Elapsed)
{
    public bool Succeeded => ExitCode == 0;

    /// <summary>Both streams, for error messages and logs.</summary>
    public string CombinedOutput => string.IsNullOrEmpty(StandardError)
        ? StandardOutput
        : StandardOutput + StandardError;
}
