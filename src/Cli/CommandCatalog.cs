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
        yield return Commands.GenerateCommand.Create();
        yield return Commands.ConvertCommand.Create();
        yield return Commands.RunCommand.Create();
    }
}
