namespace Conformance.Interop.Tests.Support;

/// <summary>A host tool did not finish within its timeout and was killed.</summary>
public sealed class HostProcessTimeoutException : Exception
{
    public HostProcessTimeoutException(string commandLine, TimeSpan timeout, string partialOutput)
        : base($"`{commandLine}` did not finish within {timeout.TotalSeconds:F0} s and was killed.\n{partialOutput}")
    {
        CommandLine = commandLine;
        Timeout = timeout;
    }

    public HostProcessTimeoutException()
    {
        CommandLine = string.Empty;
    }

    public HostProcessTimeoutException(string message)
        : base(message)
    {
        CommandLine = string.Empty;
    }

    public HostProcessTimeoutException(string message, Exception innerException)
        : base(message, innerException)
    {
        CommandLine = string.Empty;
    }

    public string CommandLine { get; }

    public TimeSpan Timeout { get; }
}
