using System.CommandLine;
using Conformance.Harness.Setup;

namespace Conformance.Cli.Commands;

/// <summary>`conformance doctor`: what setup found and what is missing; installs nothing.</summary>
internal static class DoctorCommand
{
    public static Command Create()
    {
        var command = new Command("doctor", "Report the Docker engine, base and peer images with their versions, kernel features (netem, tbf) and what is missing.");
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var missing = await HarnessDoctor.ExamineAsync(HarnessSettings.FromEnvironment(), line => Console.WriteLine($"[doctor] {line}"), cancellationToken).ConfigureAwait(false);
            return missing.Count == 0 ? 0 : 1;
        });
        return command;
    }
}
