using System.CommandLine;

namespace Conformance.Cli;

/// <summary>
/// The commands that drive the Docker harness (Testcontainers, JIT only). The Native AOT program (src/Cli.Native)
/// has its own HarnessCommands with the same <see cref="Names"/> that runs this build for them.
/// </summary>
internal static partial class HarnessCommands
{
    public static IEnumerable<Command> All()
    {
        yield return Commands.RunCommand.Create();
        yield return Commands.ReportCommand.Create();
        yield return Commands.SetupCommand.Create();
        yield return Commands.DoctorCommand.Create();
        yield return Commands.CleanCommand.Create();
        yield return Commands.ReproduceCommand.Create();
    }
}
