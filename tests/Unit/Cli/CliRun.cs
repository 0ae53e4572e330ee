using Conformance.Cli.Hosting;

namespace Conformance.Unit.Tests.Cli;

/// <summary>Runs the `conformance` program in process, as the console does, and keeps what it printed.</summary>
public sealed record CliRun(int ExitCode, string Output, string Error)
{
    public IReadOnlyList<string> ErrorLines => Error.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    public IReadOnlyList<string> OutputLines => Output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    public static async Task<CliRun> RunAsync(params string[] args) => await RunAsync(CancellationToken.None, args);

    public static async Task<CliRun> RunAsync(CancellationToken cancellationToken, params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var synchronizedOutput = TextWriter.Synchronized(output);
        var code = await CliHost.RunAsync(args, synchronizedOutput, TextWriter.Synchronized(error), cancellationToken);
        return new CliRun(code, output.ToString(), error.ToString());
    }

    public override string ToString() => $"exit {ExitCode}\n--- stdout\n{Output}\n--- stderr\n{Error}";

    /// <summary>A user error: exactly one line on stderr, naming the command, no stack trace, no .NET type name.</summary>
    public void ShouldBeOneLineUserError(int exitCode, params string[] mentions)
    {
        ExitCode.Should().Be(exitCode, ToString());
        ErrorLines.Should().ContainSingle(ToString());
        Error.Should().NotContain("   at ", "a user error is a message, not a stack trace").And.NotContain("System.", "no .NET type names");
        foreach (var mention in mentions)
        {
            Error.Should().Contain(mention);
        }
    }
}
