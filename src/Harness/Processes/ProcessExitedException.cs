namespace Conformance.Harness.Processes;

/// <summary>A background process exited while its caller was still waiting for it (e.g. to listen).</summary>
public sealed class ProcessExitedException : Exception
{
    public ProcessExitedException(string commandLine, int exitCode, string details)
        : base($"`{commandLine}` exited with {exitCode} {details}")
    {
        CommandLine = commandLine;
        ExitCode = exitCode;
    }

    public ProcessExitedException()
    {
        CommandLine = string.Empty;
    }

    public ProcessExitedException(string message)
        : base(message)
    {
        CommandLine = string.Empty;
    }

    public ProcessExitedException(string message, Exception innerException)
        : base(message, innerException)
    {
        CommandLine = string.Empty;
    }

    public string CommandLine { get; }

    public int ExitCode { get; }
}
