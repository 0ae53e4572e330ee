using Conformance.Dicom.Network.Association.Negotiation;
using Conformance.Dicom.Network.Association.Verification;
using Conformance.Dicom.Network.Association;
using Conformance.Dicom.Network.Pdus;
using Conformance.Dicom.Network.Transport;
using Conformance.Interop.Tests.Support;

namespace Conformance.Interop.Tests.Network;

/// <summary>C-ECHO between our stack and DCMTK 3.6.7 / GDCM 3.0 tools on loopback.</summary>
public class EchoInteropTests
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(60);
    private HostProcessRunner _tools = null!;

    [SetUp]
    public void CreateRunner() => _tools = new HostProcessRunner();

    [TearDown]
    public void KillTools() => _tools.Dispose();

    [Test]
    public async Task Echoscu_verifies_our_listener()
    {
        await using var server = EchoServer.Start(AcceptancePolicy.ForVerification("OURSCP"), ConnectionOptions.Default);

        var echoscu = await RunAsync("echoscu", "-v", "-aet", "ECHOSCU", "-aec", "OURSCP", "127.0.0.1", server.Port.ToString(System.Globalization.CultureInfo.InvariantCulture));

        echoscu.ExitCode.Should().Be(0, echoscu.Output);
        echoscu.Output.Should().Contain("Received Echo Response (Success)");
        var served = await server.NextServedAsync();
        served.Info.CallingAe.Should().Be("ECHOSCU");
        served.Info.PeerImplementationVersionName.Should().StartWith("OFFIS_DCMTK");
        served.Echoes.Should().Be(1);
        served.PeerReleased.Should().BeTrue();
        served.Failure.Should().BeNull();
        server.Listener.Counters.Rejected.Should().Be(0);
    }

    [Test]
    public async Task Echoscu_with_an_unknown_calling_ae_sees_the_rejection()
    {
        var policy = AcceptancePolicy.ForVerification("OURSCP") with { CallingAeTitles = new HashSet<string> { "ALLOWED" } };
        await using var server = EchoServer.Start(policy, ConnectionOptions.Default);

        var echoscu = await RunAsync("echoscu", "-aet", "STRANGER", "-aec", "OURSCP", "127.0.0.1", server.Port.ToString(System.Globalization.CultureInfo.InvariantCulture));

        echoscu.ExitCode.Should().NotBe(0);
        echoscu.Output.Should().Contain("Association Rejected").And.Contain("Calling AE Title Not Recognized");
        await server.WaitForAsync(rejected: 1);
    }

    [Test]
    public async Task Echoscu_with_a_wrong_called_ae_sees_the_rejection()
    {
        await using var server = EchoServer.Start(AcceptancePolicy.ForVerification("OURSCP"), ConnectionOptions.Default);

        var echoscu = await RunAsync("echoscu", "-aet", "ECHOSCU", "-aec", "SOMEONE", "127.0.0.1", server.Port.ToString(System.Globalization.CultureInfo.InvariantCulture));

        echoscu.ExitCode.Should().NotBe(0);
        echoscu.Output.Should().Contain("Called AE Title Not Recognized");
    }

    /// <summary>
    /// gdcmscu 3.0.21 (bookworm) completes the C-ECHO and the release, then dies in its own teardown
    /// (exit 134, "ProtocolStream as nullptr is invalid") against storescp as well; so its exit code is
    /// compared with the one it gets from storescp in the same run, and the outcome is checked on our side.
    /// </summary>
    [Test]
    public async Task Gdcmscu_echo_verifies_our_listener()
    {
        await using var server = EchoServer.Start(AcceptancePolicy.ForVerification("OURSCP"), ConnectionOptions.Default);
        var port = FreePort.Get();
        using var storescp = StartBackground("storescp", "-aet", "OURSCP", port.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await storescp.WaitForListeningAsync(port, Bound, CancellationToken.None);

        var ours = await RunAsync("gdcmscu", "-D", "--echo", "--aetitle", "GDCMSCU", "--call", "OURSCP", "127.0.0.1", server.Port.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var reference = await RunAsync("gdcmscu", "--echo", "--aetitle", "GDCMSCU", "--call", "OURSCP", "127.0.0.1", port.ToString(System.Globalization.CultureInfo.InvariantCulture));

        var served = await server.NextServedAsync();
        served.Info.CallingAe.Should().Be("GDCMSCU");
        served.Echoes.Should().Be(1);
        served.PeerReleased.Should().BeTrue("gdcmscu releases after the echo");
        served.Failure.Should().BeNull();
        ours.Output.Should().Contain("(0000,0900) ?? (US) 0", "gdcmscu received our C-ECHO-RSP with status Success");
        ours.ExitCode.Should().Be(reference.ExitCode, "gdcmscu ends the same way with us as with storescp: " + ours.Output[^Math.Min(400, ours.Output.Length)..]);
    }

    [Test]
    public async Task Our_echo_scu_verifies_storescp()
    {
        var port = FreePort.Get();
        using var storescp = StartBackground("storescp", "-aet", "STORESCP", "-od", Path.GetTempPath(), port.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await storescp.WaitForListeningAsync(port, Bound, CancellationToken.None);

        await using var association = await DicomAssociation.ConnectAsync(AssociationRequest.ForVerification("127.0.0.1", port, "STORESCP"), ConnectionOptions.Default, CancellationToken.None);
        association.Info.PresentationContexts.Should().ContainSingle(pc => pc.IsAccepted && pc.AbstractSyntax == NegotiationUids.Verification);
        association.Info.PeerImplementationVersionName.Should().StartWith("OFFIS_DCMTK");

        var (status, _) = await VerificationScu.EchoAsync(association, 1, CancellationToken.None);
        await association.ReleaseAsync(CancellationToken.None);

        status.Should().Be(VerificationScp.Success);
        association.Failure.Should().BeNull();
        association.Counters.PdusSent.Should().Be(3, "A-ASSOCIATE-RQ, one P-DATA-TF, A-RELEASE-RQ");
    }

    [Test]
    public async Task Our_echo_scu_proposing_only_an_unsupported_syntax_gets_no_accepted_context_from_storescp()
    {
        var port = FreePort.Get();
        using var storescp = StartBackground("storescp", "-aet", "STORESCP", "-od", Path.GetTempPath(), port.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await storescp.WaitForListeningAsync(port, Bound, CancellationToken.None);
        var request = AssociationRequest.ForVerification("127.0.0.1", port, "STORESCP") with
        {
            PresentationContexts = [new PresentationContextProposal(NegotiationUids.Verification, "1.2.840.10008.1.2.4.50")],
        };

        await using var association = await DicomAssociation.ConnectAsync(request, ConnectionOptions.Default, CancellationToken.None);

        association.Info.PresentationContexts.Should().ContainSingle()
            .Which.Result.Should().Be(Conformance.Dicom.Network.Pdus.PresentationContextResult.TransferSyntaxesNotSupported);
    }

    [Test]
    public async Task Storescp_refusing_our_calling_ae_is_a_typed_rejection()
    {
        var port = FreePort.Get();
        using var storescp = StartBackground("storescp", "-aet", "STORESCP", "--refuse", port.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await storescp.WaitForListeningAsync(port, Bound, CancellationToken.None);

        var connect = () => DicomAssociation.ConnectAsync(AssociationRequest.ForVerification("127.0.0.1", port, "STORESCP"), ConnectionOptions.Default, CancellationToken.None);

        var rejected = (await connect.Should().ThrowAsync<AssociationRejectedException>()).Which;
        rejected.Result.Should().Be(AssociateRejectResult.RejectedPermanent);
        rejected.RejectSource.Should().Be(AssociateRejectSource.ServiceUser);
    }

    [Test]
    public async Task The_echo_command_verifies_storescp_and_fails_clearly_on_a_closed_port()
    {
        var port = FreePort.Get();
        using var storescp = StartBackground("storescp", "-aet", "STORESCP", "-od", Path.GetTempPath(), port.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await storescp.WaitForListeningAsync(port, Bound, CancellationToken.None);
        var cli = EchoCli.Path;

        var ok = await RunAsync("dotnet", cli, "echo", "127.0.0.1", port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--called", "STORESCP");
        var closed = await RunAsync("dotnet", cli, "echo", "127.0.0.1", FreePort.Get().ToString(System.Globalization.CultureInfo.InvariantCulture), "--called", "STORESCP");

        ok.ExitCode.Should().Be(0, ok.Output);
        ok.Output.Should().Contain("success");
        closed.ExitCode.Should().NotBe(0);
        closed.Output.Should().Contain("Cannot connect");
    }

    private Task<HostProcessResult> RunAsync(string tool, params string[] arguments) =>
        _tools.RunAsync(new HostProcessStart(tool, arguments) { Timeout = Bound }, CancellationToken.None);

    private BackgroundHostProcess StartBackground(string tool, params string[] arguments) =>
        _tools.StartBackground(new HostProcessStart(tool, arguments));
}
