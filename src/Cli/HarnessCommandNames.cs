namespace Conformance.Cli;

/// <summary>
/// The harness commands' names, compiled into both builds: the JIT build's commands carry them (a unit test checks),
/// and the Native AOT program hands a command line starting with one of them to the JIT build.
/// </summary>
internal static partial class HarnessCommands
{
    public static IReadOnlyList<string> Names { get; } = ["run", "report", "setup", "doctor", "clean", "reproduce"];
}
