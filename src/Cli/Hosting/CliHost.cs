using System.CommandLine;
using System.CommandLine.Invocation;

namespace Conformance.Cli.Hosting;

/// <summary>
/// Runs one command line: parse errors become one line each and exit code 2, failures one line and
/// their documented code (<see cref="ExitCodes"/>), Ctrl+C exit code 130. Output goes to the writers
/// given, which is how tests run commands in process.
/// </summary>
internal static class CliHost
{
    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        var parsed = CommandCatalog.CreateRoot().Parse(args);
        var command = ParseErrorLines.CommandPath(parsed.CommandResult);
        var prefix = command.Length == 0 ? "conformance" : command;
        if (parsed.Action is ParseErrorAction)
        {
            foreach (var line in ParseErrorLines.For(parsed))
            {
                await error.WriteLineAsync($"{prefix}: {line}").ConfigureAwait(false);
            }

            return ExitCodes.Usage;
        }

        var configuration = new InvocationConfiguration { Output = output, Error = error, EnableDefaultExceptionHandler = false };
        try
        {
            return await parsed.InvokeAsync(configuration, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            await error.WriteLineAsync($"{prefix}: interrupted").ConfigureAwait(false);
            return ExitCodes.Interrupted;
        }
        catch (Exception ex)
        {
            var (code, message) = FailureMessages.Describe(ex);
            foreach (var line in FailureMessages.Lines(code, message))
            {
                await error.WriteLineAsync(line.StartsWith(' ') ? line : $"{prefix}: {line}").ConfigureAwait(false);
            }

            if (code == ExitCodes.Internal && Environment.GetEnvironmentVariable("CONFORMANCE_DEBUG") == "1")
            {
                await error.WriteLineAsync(ex.ToString()).ConfigureAwait(false);
            }

            return code;
        }
    }
}
