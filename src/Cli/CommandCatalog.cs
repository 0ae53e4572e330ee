using System.CommandLine;

namespace Conformance.Cli;

/// <summary>The `conformance` program's commands; each lives in its own file under Commands/.</summary>
internal static class CommandCatalog
{
    public static RootCommand CreateRoot()
    {
        var root = new RootCommand("DICOM network interoperability conformance suite");
        foreach (var command in All())
        {
            root.Subcommands.Add(command);
        }

        return root;
    }

    private static IEnumerable<Command> All()
    {
        yield return Commands.RunCommand.Create();
        yield return Commands.ReportCommand.Create();
        yield return Commands.GenerateCommand.Create();
        yield return Commands.ConvertCommand.Create();
        yield return Commands.SetupCommand.Create();
        yield return Commands.DoctorCommand.Create();
        yield return Commands.CleanCommand.Create();
        yield return Commands.EchoCommand.Create();
        yield return Commands.StoreCommand.Create();
        yield return Commands.FindCommand.Create();
        yield return Commands.MoveCommand.Create();
        yield return Commands.GetCommand.Create();
        yield return Commands.ScpCommand.Create();
        yield return Commands.ReproduceCommand.Create();
    }
}
