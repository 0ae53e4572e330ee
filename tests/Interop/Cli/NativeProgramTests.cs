using System.Globalization;
using Conformance.Interop.Tests.Support;

namespace Conformance.Interop.Tests.Cli;

/// <summary>
/// `conformance` published as Native AOT (src/Cli.Native) against a real DCMTK storescp, and its hand-over of the
/// harness commands to the JIT build (execv). Publishing takes minutes (ILC, then clang links) and needs clang, so
/// these tests are explicit, outside the default `dotnet test`: `.ci/run native`, or
/// `dotnet test tests/Interop --filter Category=NativeAot` (docs/cli.md). With CONFORMANCE_NATIVE_CLI=PATH they test
/// that published binary instead of publishing one.
/// </summary>
[TestFixture]
[Explicit("publishes src/Cli.Native with Native AOT (minutes, needs clang): .ci/run native")]
[Category("NativeAot")]
public class NativeProgramTests
{
    private static readonly TimeSpan Bound = TimeSpan.FromMinutes(2);
    private TempDirectory _workspace = null!;
    private HostProcessRunner _tools = null!;
    private string _native = null!;

    [OneTimeSetUp]
    public async Task PublishOrFindTheNativeProgram()
    {
        _workspace = new TempDirectory("native-cli");
        _tools = new HostProcessRunner();
        var given = Environment.GetEnvironmentVariable("CONFORMANCE_NATIVE_CLI");
        if (!string.IsNullOrWhiteSpace(given))
        {
            File.Exists(given).Should().BeTrue($"CONFORMANCE_NATIVE_CLI={given} must name the published native program");
            _native = Path.GetFullPath(given);
            return;
        }

        if (HostProcessRunner.FindOnPath("clang") is null)
        {
            Assert.Fail("Native AOT links with clang, which is missing: apt-get install clang llvm zlib1g-dev (.ci/run native installs them).");
        }

        var output = _workspace.Sub("publish");
        var project = Path.Combine(RepositoryRoot(), "src", "Cli.Native", "Cli.Native.csproj");
        var publish = await _tools.RunAsync(
            new HostProcessStart("dotnet", ["publish", project, "-c", "Release", "-r", "linux-x64", "-o", output, "-p:PublishHarness=false"]) { Timeout = TimeSpan.FromMinutes(30) },
            CancellationToken.None);
        publish.ExitCode.Should().Be(0, publish.Describe());
        publish.Output.Should().NotContain("warning IL", "the native program publishes without trimming or AOT warnings");
        _native = Path.Combine(output, "conformance");
    }

    [OneTimeTearDown]
    public void CleanUp()
    {
        _tools.Dispose();
        _workspace.Dispose();
    }

    [Test]
    public async Task The_native_echo_verifies_storescp_and_a_closed_port_is_a_network_failure()
    {
        var port = FreePort.Get();
        using var storescp = _tools.StartBackground(new HostProcessStart("storescp", ["-aet", "STORESCP", "-od", _workspace.Sub("received"), Text(port)]));
        await storescp.WaitForListeningAsync(port, Bound, CancellationToken.None);

        var ok = await NativeAsync(new Dictionary<string, string?>(), "echo", "127.0.0.1", Text(port), "--called", "STORESCP", "--repeat", "3");
        var closed = await NativeAsync(new Dictionary<string, string?>(), "echo", "127.0.0.1", Text(FreePort.Get()), "--called", "STORESCP", "--timeout", "5");

        ok.ExitCode.Should().Be(0, ok.Describe());
        ok.StandardOutput.Should().Contain($"C-ECHO to STORESCP at 127.0.0.1:{port}: success (3 requests on 1 association(s))");
        closed.ExitCode.Should().Be(4, "connection refused is the network exit code\n" + closed.Describe());
        closed.StandardError.Should().StartWith("echo: ").And.Contain("Cannot connect");
    }

    [Test]
    public async Task A_harness_command_is_handed_to_the_jit_build_with_its_output_and_exit_code()
    {
        // The JIT build beside these tests (its apphost), as the published layout has it in harness/.
        var withHarness = new Dictionary<string, string?> { ["CONFORMANCE_HARNESS"] = Path.Combine(AppContext.BaseDirectory, "conformance") };

        var help = await NativeAsync(withHarness, "doctor", "--help");
        var usage = await NativeAsync(withHarness, "report", _workspace.File("no-such-directory"));
        var missing = await NativeAsync(new Dictionary<string, string?> { ["CONFORMANCE_HARNESS"] = _workspace.File("no-such-program") }, "run", "--quick");

        help.ExitCode.Should().Be(0, help.Describe());
        help.StandardOutput.Should().Contain("conformance doctor").And.Contain("Report the host tools", "the JIT build's own help for doctor");
        usage.ExitCode.Should().Be(2, "the JIT build's usage exit code comes back unchanged\n" + usage.Describe());
        usage.StandardError.Should().StartWith("report: ");
        missing.ExitCode.Should().Be(3, missing.Describe());
        missing.StandardError.Trim().Split('\n').Should().ContainSingle().Which.Should().StartWith("run: ").And.Contain("no-such-program").And.Contain("dotnet publish src/Cli");
    }

    private Task<HostProcessResult> NativeAsync(IReadOnlyDictionary<string, string?> environment, params string[] arguments) =>
        _tools.RunAsync(new HostProcessStart(_native, arguments) { Timeout = Bound, Environment = environment }, CancellationToken.None);

    private static string Text(int port) => port.ToString(CultureInfo.InvariantCulture);

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Conformance.sln")))
            {
                return directory.FullName;
            }
        }

        throw new AssertionException($"No Conformance.sln above {AppContext.BaseDirectory}");
    }
}
