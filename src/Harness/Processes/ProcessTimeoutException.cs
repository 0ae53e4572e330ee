namespace Conformance.Harness.Processes;

/// <summary>A process did not finish (or did not listen) within its timeout and was killed.</summary>
public sealed class ProcessTimeoutException : Exception
{
    public ProcessTimeoutException(string commandLine, TimeSpan timeout, string partialOutput)
        : base($"`{commandLine}` did not finish within {timeout.TotalSeconds:F0} s and was killed.\n{partialOutput}")
    {
        CommandLine = commandLine;
        Timeout = timeout;
    }

    public ProcessTimeoutException()
    {
        CommandLine = string.Empty;
    }

    public ProcessTimeoutException(string message)
        : base(message)
    {
        CommandLine = string.Empty;
    }

    public ProcessTimeoutException(string message, Exception innerException)
        : base(message, innerException)
    {
        CommandLine = string.Empty;
    }

    public string CommandLine { get; }

    public TimeSpan Timeout { get; }
}
