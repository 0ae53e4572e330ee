namespace Conformance.Interop.Tests.Support;

/// <summary>A background host tool exited while a test was still waiting for it (e.g. to listen).</summary>
public sealed class HostProcessExitedException : Exception
{
    public HostProcessExitedException(string commandLine, int exitCode, string details)
        : base($"`{commandLine}` exited with {exitCode} {details}")
    {
        CommandLine = commandLine;
        ExitCode = exitCode;
    }

    public HostProcessExitedException()
    {
        CommandLine = string.Empty;
    }

    public HostProcessExitedException(string message)
        : base(message)
    {
        CommandLine = string.Empty;
    }

    public HostProcessExitedException(string message, Exception innerException)
        : base(message, innerException)
    {
        CommandLine = string.Empty;
    }

    public string CommandLine { get; }

    public int ExitCode { get; }
}
