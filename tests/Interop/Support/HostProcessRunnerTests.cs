namespace Conformance.Interop.Tests.Support;

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

            await act.Should().ThrowAsync<HostProcessTimeoutException>().WithMessage("*sleep 60*killed*");
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

        await act.Should().ThrowAsync<HostToolNotFoundException>().WithMessage("*no-such-tool-xyz*");
    }
}
