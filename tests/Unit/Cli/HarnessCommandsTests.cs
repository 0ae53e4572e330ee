using Conformance.Cli;

namespace Conformance.Unit.Tests.Cli;

/// <summary>
/// The Native AOT program (src/Cli.Native) hands a command line to the JIT build when its first word is one of
/// <see cref="HarnessCommands.Names"/>; that list must be exactly the JIT build's harness commands, or a harness
/// command would reach the native parser (a usage error) or a tool command would leave the native program.
/// </summary>
public class HarnessCommandsTests
{
    [Test]
    public void The_names_the_native_program_hands_over_are_the_harness_commands()
    {
        HarnessCommands.All().Select(c => c.Name).Should().Equal(HarnessCommands.Names);
    }

    [Test]
    public void Every_command_is_either_a_harness_command_or_a_tool_command_once()
    {
        var names = CommandCatalog.CreateRoot().Subcommands.Select(c => c.Name).ToList();

        names.Should().OnlyHaveUniqueItems();
        names.Should().Contain(HarnessCommands.Names);
        names.Except(HarnessCommands.Names).Should().BeEquivalentTo(["generate", "convert", "echo", "store", "find", "move", "get", "scp"], "the tool commands the native program runs itself");
    }
}
