using Conformance.Harness.Processes;

namespace Conformance.Harness.Sut.External;

/// <summary>Reads what an external SCU command did from its exit code and output.</summary>
public interface IScuLogParser
{
    ScuRun Parse(string operation, ProcessResult result);
}

/// <summary>The least a command can tell: exit code 0 is Success, anything else a failure with its output.</summary>
public sealed class ExitCodeLogParser : IScuLogParser
{
    public ScuRun Parse(string operation, ProcessResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return result.ExitCode == 0
            ? new ScuRun { Operation = operation, Statuses = [0x0000], Log = result.Output, Elapsed = result.Elapsed }
            : new ScuRun { Operation = operation, Association = AssociationResult.Failed, Error = $"exit code {result.ExitCode}", Log = result.Output, Elapsed = result.Elapsed };
    }
}
