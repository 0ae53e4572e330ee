using System.CommandLine;

namespace Conformance.Cli.Hosting;

/// <summary>The writers a command prints to: the ones <see cref="CliHost"/> was given (the console, or a test's).</summary>
internal static class ParseResultWriters
{
    public static TextWriter Out(this ParseResult result) => result.InvocationConfiguration.Output;

    public static TextWriter Err(this ParseResult result) => result.InvocationConfiguration.Error;
}
