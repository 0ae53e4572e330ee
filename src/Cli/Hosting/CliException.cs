namespace Conformance.Cli.Hosting;

/// <summary>
/// A failure the user must read, not debug: the host prints <see cref="Exception.Message"/> as one
/// line after the command's name and exits with <see cref="ExitCode"/>. Never a stack trace.
/// </summary>
internal sealed class CliException : Exception
{
    public CliException()
        : this(ExitCodes.Internal, "unspecified failure")
    {
    }

    public CliException(string message)
        : this(ExitCodes.Failed, message)
    {
    }

    public CliException(string message, Exception innerException)
        : base(message, innerException)
    {
        ExitCode = ExitCodes.Failed;
    }

    public CliException(int exitCode, string message, Exception? innerException = null)
        : base(message, innerException)
    {
        ExitCode = exitCode;
    }

    public int ExitCode { get; }

    public static CliException Usage(string message) => new(ExitCodes.Usage, message);

    public static CliException Environment(string message, Exception? cause = null) => new(ExitCodes.Environment, message, cause);
}
