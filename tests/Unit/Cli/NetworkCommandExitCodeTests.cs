using System.Net;
using System.Net.Sockets;
using Conformance.Cli.Hosting;
using Conformance.Generation;
using Conformance.Scp;
using Conformance.Scp.Storage;
using Conformance.Unit.Tests.Support;

namespace Conformance.Unit.Tests.Cli;

/// <summary>The SCU commands against our own SCP on loopback: success, rejection, unreachable peer, failed files, ordered progress.</summary>
public class NetworkCommandExitCodeTests
{
    private DicomServer _server = null!;

    private string Port => _server.Port.ToString(System.Globalization.CultureInfo.InvariantCulture);

    [SetUp]
    public async Task Start_our_scp() =>
        _server = await DicomServer.StartAsync(new DicomServerOptions { AeTitle = "OURSCP", Storage = new MemoryInstanceStorage() });

    [TearDown]
    public async Task Stop_our_scp() => await _server.DisposeAsync();

    [Test]
    public async Task Echo_that_succeeds_exits_0()
    {
        var run = await CliRun.RunAsync("echo", "127.0.0.1", Port, "--called", "OURSCP");

        run.ExitCode.Should().Be(ExitCodes.Success, run.ToString());
        run.Output.Should().Contain("C-ECHO to OURSCP at 127.0.0.1:").And.Contain("success");
    }

    [Test]
    public async Task A_rejected_association_exits_4_with_the_rejection_in_one_line()
    {
        var run = await CliRun.RunAsync("echo", "127.0.0.1", Port, "--called", "SOMEONE");

        run.ShouldBeOneLineUserError(ExitCodes.Network, "echo: association rejected:");
    }

    [Test]
    public async Task An_unreachable_peer_exits_4()
    {
        var closed = ClosedPort();

        var run = await CliRun.RunAsync("echo", "127.0.0.1", closed, "--called", "OURSCP", "--timeout", "5");

        run.ShouldBeOneLineUserError(ExitCodes.Network, "echo: Cannot connect to OURSCP at 127.0.0.1:");
    }

    [Test]
    public async Task An_interrupted_command_exits_130()
    {
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        var run = await CliRun.RunAsync(cancelled.Token, "echo", "127.0.0.1", Port, "--called", "OURSCP");

        run.ExitCode.Should().Be(ExitCodes.Interrupted, run.ToString());
        run.Error.Should().Contain("echo: interrupted");
    }

    [Test]
    public async Task Store_prints_one_numbered_line_per_file_in_order_and_the_summary_last()
    {
        using var directory = new TempDirectory();
        await TestDataGenerator.WriteFilesAsync(new GenerationOptions { Modality = GeneratedModality.CT, Count = 12, Seed = 3 }, directory.Path, CancellationToken.None);

        var run = await CliRun.RunAsync("store", "127.0.0.1", Port, "--called", "OURSCP", directory.Path);

        run.ExitCode.Should().Be(ExitCodes.Success, run.ToString());
        var lines = run.OutputLines;
        lines.Should().HaveCount(13, run.ToString());
        lines.Take(12).Select(line => line.Split(' ')[0]).Should().Equal(Enumerable.Range(1, 12).Select(i => $"[{i}/12]"));
        lines[^1].Should().StartWith("C-STORE: 12 of 12 stored");
        _server.StoredInstances.Should().Be(12);
    }

    [Test]
    public async Task Store_with_a_file_that_is_not_dicom_exits_1_and_names_it()
    {
        using var directory = new TempDirectory();
        var good = await TestDataGenerator.WriteFilesAsync(new GenerationOptions { Modality = GeneratedModality.MR, Count = 1 }, directory.Path, CancellationToken.None);
        await File.WriteAllTextAsync(directory.File("notes.txt"), "not DICOM");

        var run = await CliRun.RunAsync("store", "127.0.0.1", Port, "--called", "OURSCP", good[0], directory.File("notes.txt"));

        run.ExitCode.Should().Be(ExitCodes.Failed, run.ToString());
        run.Error.Should().Contain("failed:").And.Contain("notes.txt");
        _server.StoredInstances.Should().Be(1, "the good file is still stored");
    }

    [Test]
    public async Task Find_without_matches_succeeds_and_says_so()
    {
        var run = await CliRun.RunAsync("find", "127.0.0.1", Port, "--called", "OURSCP", "--model", "patient", "--level", "PATIENT", "-k", "PatientID=NOBODY");

        run.ExitCode.Should().Be(ExitCodes.Success, run.ToString());
        run.Output.Should().Contain("C-FIND: 0 match(es), final status");
    }

    private static string ClosedPort()
    {
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        socket.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        return ((IPEndPoint)socket.LocalEndPoint!).Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }
}
