using System.CommandLine;

namespace Conformance.Cli;

/// <summary>The `conformance` program's commands; each lives in its own file under Commands/.</summary>
internal static class CommandCatalog
{
    public static RootCommand CreateRoot()
    {
        var root = new RootCommand("DICOM network interoperability conformance suite");
        foreach (var command in HarnessCommands.All().Concat(ToolCommands()))
        {
            root.Subcommands.Add(command);
        }

        return root;
    }

    /// <summary>
    /// The DICOM tool commands: our stack and SCP only, never the Docker harness. This file and these commands
    /// are also compiled into the Native AOT program (src/Cli.Native), where <see cref="HarnessCommands"/> hands the
    /// harness commands to the JIT build instead.
    /// </summary>
    private static IEnumerable<Command> ToolCommands()
    {
        yield return Commands.GenerateCommand.Create();
        yield return Commands.ConvertCommand.Create();
        yield return Commands.EchoCommand.Create();
        yield return Commands.StoreCommand.Create();
        yield return Commands.FindCommand.Create();
        yield return Commands.MoveCommand.Create();
        yield return Commands.GetCommand.Create();
        yield return Commands.ScpCommand.Create();
    }
}
