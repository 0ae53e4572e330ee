using System.Text.RegularExpressions;
using Conformance.Cli.Hosting;
using Conformance.Unit.Tests.Support;

namespace Conformance.Unit.Tests.Cli;

/// <summary>`scp` as an administrator meets it: one "listening" line, a storage directory created only where its parent exists and said so.</summary>
public partial class ScpCommandTests
{
    [Test]
    public async Task Scp_says_listening_once_creates_its_storage_directory_and_says_so_and_stops_cleanly()
    {
        using var directory = new TempDirectory();
        var storage = directory.File("incoming");
        using var stop = new CancellationTokenSource();
        using var output = new StringWriter();
        var writer = TextWriter.Synchronized(output);
        var serving = CliHost.RunAsync(["scp", "--port", "0", "--ae", "OURSCP", "--storage", storage], writer, writer, stop.Token);
        var port = await WaitForPortAsync(output);

        var echo = await CliRun.RunAsync("echo", "127.0.0.1", port, "--called", "OURSCP");
        await stop.CancelAsync();
        var code = await serving;

        echo.ExitCode.Should().Be(ExitCodes.Success, echo.ToString());
        code.Should().Be(ExitCodes.Success, "Ctrl+C is how an SCP ends");
        var text = output.ToString();
        Regex.Matches(text, "listening").Should().HaveCount(1, text);
        text.Should().Contain($"creating storage directory {storage}");
        Directory.Exists(storage).Should().BeTrue();
        text.Should().MatchRegex(@"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z ", "every log line is time-stamped");
    }

    [Test]
    public async Task Scp_refuses_a_storage_directory_whose_parent_does_not_exist()
    {
        using var directory = new TempDirectory();
        var storage = Path.Combine(directory.Path, "typo", "incoming");

        var run = await CliRun.RunAsync("scp", "--port", "0", "--storage", storage);

        run.ShouldBeOneLineUserError(ExitCodes.Usage, "its parent", "does not exist");
        Directory.Exists(Path.Combine(directory.Path, "typo")).Should().BeFalse("nothing is created silently");
    }

    [Test]
    public async Task Scp_on_a_port_in_use_exits_3()
    {
        using var stop = new CancellationTokenSource();
        using var output = new StringWriter();
        var writer = TextWriter.Synchronized(output);
        var first = CliHost.RunAsync(["scp", "--port", "0", "--storage", "memory"], writer, writer, stop.Token);
        var port = await WaitForPortAsync(output);

        var second = await CliRun.RunAsync("scp", "--port", port, "--storage", "memory");
        await stop.CancelAsync();
        await first;

        second.ShouldBeOneLineUserError(ExitCodes.Environment, $"scp: cannot listen on 127.0.0.1:{port}");
    }

    private static async Task<string> WaitForPortAsync(StringWriter output)
    {
        for (var i = 0; i < 200; i++)
        {
            var match = ListeningLine().Match(output.ToString());
            if (match.Success)
            {
                return match.Groups[1].Value;
            }

            await Task.Delay(50);
        }

        throw new TimeoutException($"scp did not say it was listening:\n{output}");
    }

    [GeneratedRegex(@"listening on [0-9.]+:(\d+)")]
    private static partial Regex ListeningLine();
}
