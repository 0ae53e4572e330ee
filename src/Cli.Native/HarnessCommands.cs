using System.CommandLine;

namespace Conformance.Cli;

/// <summary>
/// The harness commands as the Native AOT program lists them in its help. They never run here: Program.cs hands a
/// command line that starts with one of <see cref="Names"/> to the JIT build (<see cref="HarnessProgram"/>), which
/// parses it, so `conformance run --help` shows the real options.
/// </summary>
internal static partial class HarnessCommands
{
    public static IEnumerable<Command> All() =>
        Names.Select(name => new Command(name, $"Docker harness: runs {HarnessProgram.RelativePath} {name} (see `conformance {name} --help`)"));
}
