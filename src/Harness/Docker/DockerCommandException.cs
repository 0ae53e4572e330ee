using Conformance.Harness.Processes;

namespace Conformance.Harness.Docker;

/// <summary>A docker client command failed; carries the command line and what it printed.</summary>
public sealed class DockerCommandException : Exception
{
    public DockerCommandException(string command, ProcessResult result)
        : base($"'{command}' failed with exit code {result?.ExitCode}: {result?.CombinedOutput.Trim()}")
    {
        Command = command;
        Result = result;
    }

    public DockerCommandException()
    {
        Command = string.Empty;
    }

    public DockerCommandException(string message)
        : base(message)
    {
        Command = string.Empty;
    }

    public DockerCommandException(string message, Exception innerException)
        : base(message, innerException)
    {
        Command = string.Empty;
    }

    public string Command { get; }

    public ProcessResult? Result { get; }
}
