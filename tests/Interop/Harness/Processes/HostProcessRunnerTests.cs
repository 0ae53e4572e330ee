using Conformance.Harness.Processes;
using Conformance.Interop.Tests.Support;

namespace Conformance.Interop.Tests.Harness.Processes;

public class HostProcessRunnerTests
{
    [Test]
    public async Task Captures_exit_code_stdout_and_stderr()
    {
        using var runner = new HostProcessRunner();

        var result = await runner.RunAsync("sh", ["-c", "echo out; echo err >&2; exit 3"], CancellationToken.None);

        result.ExitCode.Should().Be(3);
        result.StandardOutput.Should().Be("out\n");
        result.StandardError.Should().Be("err\n");
    }

    [Test]
    public async Task Every_line_is_stamped_as_it_arrives_and_the_text_stays_exact()
    {
        using var runner = new HostProcessRunner();

        var result = await runner.RunAsync("sh", ["-c", "printf first; echo; sleep 0.3; printf second >&2"], CancellationToken.None);

        result.StandardOutput.Should().Be("first\n");
        result.StandardError.Should().Be("second");
        result.Lines.Select(l => l.Text).Should().Equal("first", "second");
        result.Lines[1].FromStandardError.Should().BeTrue();
        System.Diagnostics.Stopwatch.GetElapsedTime(result.Lines[0].Timestamp, result.Lines[1].Timestamp).Should().BeGreaterThanOrEqualTo(TimeSpan.FromMilliseconds(250));
    }

    [Test]
    public async Task Passes_arguments_without_a_shell()
    {
        using var runner = new HostProcessRunner();

        var result = await runner.RunAsync("printf", ["%s|", "a b", "$HOME", ""], CancellationToken.None);

        result.StandardOutput.Should().Be("a b|$HOME||");
    }

    [Test]
    public async Task Kills_a_process_that_outlives_its_timeout()
    {
        using var runner = new HostProcessRunner();
        var pidFile = Path.Combine(Path.GetTempPath(), $"runner-{Guid.NewGuid():N}.pid");
        try
        {
            var act = () => runner.RunAsync(
                "sh", ["-c", $"echo $$ > {pidFile}; exec sleep 60"], TimeSpan.FromSeconds(1), null, CancellationToken.None);

            await act.Should().ThrowAsync<ProcessTimeoutException>().WithMessage("*sleep 60*killed*");
            var pid = int.Parse(await File.ReadAllTextAsync(pidFile), System.Globalization.CultureInfo.InvariantCulture);
            Directory.Exists($"/proc/{pid}").Should().BeFalse("the timed-out process must be gone");
        }
        finally
        {
            File.Delete(pidFile);
        }
    }

    [Test]
    public async Task A_missing_tool_is_a_typed_failure_naming_the_tool()
    {
        using var runner = new HostProcessRunner();

        var act = () => runner.RunAsync("no-such-tool-xyz", [], CancellationToken.None);

        await act.Should().ThrowAsync<ToolNotFoundException>().WithMessage("*no-such-tool-xyz*");
    }

    [Test]
    public async Task Environment_overrides_reach_the_tool_and_null_removes_a_variable()
    {
        using var runner = new HostProcessRunner();
        var start = new ProcessStart("sh", ["-c", "echo \"$TCP_NODELAY|${HOME:-unset}\""])
        {
            Environment = new Dictionary<string, string?> { ["TCP_NODELAY"] = "1", ["HOME"] = null },
        };

        var result = await runner.RunAsync(start, CancellationToken.None);

        result.StandardOutput.Should().Be("1|unset\n");
    }

    [Test]
    public async Task A_background_process_runs_until_stopped_and_is_killed_by_pid()
    {
        using var runner = new HostProcessRunner();
        using var peer = runner.StartBackground(new ProcessStart("sh", ["-c", "echo ready; exec sleep 60"]));

        await WaitUntilAsync(() => peer.StandardOutputSoFar.Contains("ready", StringComparison.Ordinal));
        Directory.Exists($"/proc/{peer.Pid}").Should().BeTrue();
        var result = await peer.StopAsync();

        result.StandardOutput.Should().Be("ready\n");
        result.ExitCode.Should().NotBe(0, "it was killed");
        Directory.Exists($"/proc/{peer.Pid}").Should().BeFalse();
    }

    [Test]
    public async Task Disposing_the_runner_kills_background_processes_it_started()
    {
        int pid;
        using (var runner = new HostProcessRunner())
        {
            var peer = runner.StartBackground(new ProcessStart("sleep", ["60"]));
            pid = peer.Pid;
            Directory.Exists($"/proc/{pid}").Should().BeTrue();
        }

        await WaitUntilAsync(() => !Directory.Exists($"/proc/{pid}"));
    }

    [Test]
    public async Task A_background_process_that_exits_by_itself_reports_its_exit_code()
    {
        using var runner = new HostProcessRunner();
        using var peer = runner.StartBackground(new ProcessStart("sh", ["-c", "echo done >&2; exit 4"]));

        var result = await peer.WaitForExitAsync(TimeSpan.FromMinutes(1), CancellationToken.None);

        result.ExitCode.Should().Be(4);
        result.StandardError.Should().Be("done\n");
    }

    [Test]
    public async Task Waiting_for_a_listening_port_returns_once_the_peer_accepts_connections()
    {
        HostTools.Require("storescp");
        using var runner = new HostProcessRunner();
        var port = FreePort.Get();
        using var storescp = runner.StartBackground(new ProcessStart("storescp", [port.ToString(System.Globalization.CultureInfo.InvariantCulture)]));

        await storescp.WaitForListeningAsync(port, TimeSpan.FromMinutes(1), CancellationToken.None);

        using var client = new System.Net.Sockets.TcpClient();
        await client.ConnectAsync(System.Net.IPAddress.Loopback, port);
        client.Connected.Should().BeTrue();
    }

    [Test]
    public async Task Waiting_for_a_port_of_a_tool_that_exits_first_reports_its_exit_code_and_output()
    {
        using var runner = new HostProcessRunner();
        using var tool = runner.StartBackground(new ProcessStart("sh", ["-c", "echo no listener here >&2; exit 3"]));

        var wait = () => tool.WaitForListeningAsync(FreePort.Get(), TimeSpan.FromMinutes(1), CancellationToken.None);

        var exited = (await wait.Should().ThrowAsync<ProcessExitedException>()).Which;
        exited.ExitCode.Should().Be(3);
        exited.Message.Should().Contain("no listener here");
    }

    /// <summary>Polls a condition about the outside world (a process table), with a generous bound.</summary>
    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        for (var i = 0; i < 300 && !condition(); i++)
        {
            await Task.Delay(100);
        }

        condition().Should().BeTrue("the condition should hold within 30 s");
    }
}
