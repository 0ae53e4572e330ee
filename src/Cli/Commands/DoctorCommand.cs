using System.CommandLine;
using Conformance.Cli.Hosting;
using Conformance.Harness.Setup;

namespace Conformance.Cli.Commands;

/// <summary>`conformance doctor`: what setup found and what is missing; installs nothing. Exit 3 when something is missing.</summary>
internal static class DoctorCommand
{
    public static Command Create()
    {
        var command = new Command("doctor", "Report the host tools, Docker engine, base and peer images with their versions, kernel features (netem, tbf) and what is missing.");
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var output = parseResult.Out();
            var missing = await HarnessDoctor.ExamineAsync(SetupCommand.Settings(), line => output.WriteLine($"[doctor] {line}"), cancellationToken).ConfigureAwait(false);
            return missing.Count == 0 ? ExitCodes.Success : ExitCodes.Environment;
        });
        return command;
    }
}
