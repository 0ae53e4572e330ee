using Conformance.Dicom.Network.Association;
using Conformance.Dicom.Network.Association.Negotiation;
using Conformance.Dicom.Network.Association.Verification;
using Conformance.Dicom.Network.Pdus;
using Conformance.Dicom.Network.StateMachine;
using Conformance.Dicom.Network.Transport;
using static Conformance.Unit.Tests.Dicom.Network.GoldenBytes;

namespace Conformance.Unit.Tests.Dicom.Network.Association;

/// <summary>The requestor's release and abort paths (Sta7, Sta9, Sta11, Sta13) driven by a parrot SCP over loopback.</summary>
public class RequestorReleaseTests
{
    private static readonly ConnectionOptions Quick = ConnectionOptions.Default with { ArtimTimeout = TimeSpan.FromMilliseconds(300) };

    [Test]
    public async Task Sta7_data_still_arrives_AR6_then_the_release_response_completes_AR3()
    {
        await using var h = await RequestorHarness.StartAsync();
        var association = await h.EstablishAsync();
        var receive = association.ReceiveAsync(_ => DiscardDataSink.Instance, CancellationToken.None).AsTask();

        var release = association.ReleaseAsync(CancellationToken.None);
        (await h.Parrot.ReadPduAsync()).Type.Should().Be(PduType.ReleaseRequest);
        await h.Parrot.SendAsync(new DataTransferPdu([new PresentationDataValue(1, 0x03, EchoCommandSet.Response(1, 0))]));
        await h.Parrot.SendAsync(ReleaseResponsePdu.Instance);
        await release;

        (await receive).Should().NotBeNull();
        association.Failure.Should().BeNull();
        h.Monitor.Path.Should().Contain(["Sta6 + Evt11 -> AR1 -> Sta7", "Sta7 + Evt10 -> AR6 -> Sta7", "Sta7 + Evt13 -> AR3 -> Sta1"]);
        (await h.Parrot.IsClosedAsync()).Should().BeTrue();
    }

    [Test]
    public async Task Sta7_sending_after_release_was_requested_is_refused()
    {
        await using var h = await RequestorHarness.StartAsync(Quick);
        var association = await h.EstablishAsync();
        _ = association.ReleaseAsync(CancellationToken.None);
        (await h.Parrot.ReadPduAsync()).Type.Should().Be(PduType.ReleaseRequest);

        var send = () => association.SendAsync(1, EchoCommandSet.Request(1), null, CancellationToken.None).AsTask();

        (await send.Should().ThrowAsync<AssociationStateException>()).Which.State.Should().Be(AssociationState.Sta7);
    }

    [Test]
    public async Task Sta7_no_release_response_fires_ARTIM()
    {
        await using var h = await RequestorHarness.StartAsync(Quick);
        var association = await h.EstablishAsync();

        var release = () => association.ReleaseAsync(CancellationToken.None);

        var timeout = (await release.Should().ThrowAsync<AssociationTimeoutException>()).Which;
        timeout.Timer.Should().Be(AssociationTimer.Artim);
        timeout.State.Should().Be(AssociationState.Sta7);
        timeout.Message.Should().Contain("A-RELEASE-RP");
    }

    [Test]
    public async Task Release_collision_requestor_side_Sta7_Sta9_Sta11_Sta1()
    {
        await using var h = await RequestorHarness.StartAsync();
        var association = await h.EstablishAsync();

        var release = association.ReleaseAsync(CancellationToken.None);
        (await h.Parrot.ReadPduAsync()).Type.Should().Be(PduType.ReleaseRequest);
        await h.Parrot.SendAsync(ReleaseRequestPdu.Instance);
        (await h.Parrot.ReadPduAsync()).Type.Should().Be(PduType.ReleaseResponse, "AR-9: the requestor answers first");
        await h.Parrot.SendAsync(ReleaseResponsePdu.Instance);
        await release;

        association.Failure.Should().BeNull();
        h.Monitor.Path.Should().Contain(["Sta7 + Evt12 -> AR8 -> Sta9", "Sta9 + Evt14 -> AR9 -> Sta11", "Sta11 + Evt13 -> AR3 -> Sta1"]);
    }

    [Test]
    public async Task Local_abort_sends_A_ABORT_AA1_and_ends_when_the_peer_closes()
    {
        await using var h = await RequestorHarness.StartAsync();
        var association = await h.EstablishAsync();

        var abort = association.AbortAsync();
        var pdu = await h.Parrot.ReadAbortAsync();
        h.Parrot.Close();
        await abort;

        pdu.Source.Should().Be(AbortSource.ServiceUser);
        association.State.Should().Be(AssociationState.Sta1);
        h.Monitor.Path.Should().Contain(["Sta6 + Evt15 -> AA1 -> Sta13", "Sta13 + Evt17 -> AR5 -> Sta1"]);
    }

    [Test]
    public async Task Sta13_PDUs_after_our_abort_are_ignored_AA6_until_ARTIM_closes_AA2()
    {
        await using var h = await RequestorHarness.StartAsync(Quick);
        var association = await h.EstablishAsync();

        var abort = association.AbortAsync();
        await h.Parrot.ReadAbortAsync();
        await h.Parrot.SendAsync(ReleaseResponsePdu.Instance);
        await abort;

        h.Monitor.Path.Should().Contain(["Sta13 + Evt13 -> AA6 -> Sta13", "Sta13 + Evt18 -> AA2 -> Sta1"]);
        (await h.Parrot.IsClosedAsync()).Should().BeTrue();
    }

    [Test]
    public async Task Sta7_a_message_nobody_receives_does_not_block_the_release()
    {
        await using var h = await RequestorHarness.StartAsync();
        var association = await h.EstablishAsync();
        await h.Parrot.SendAsync(new DataTransferPdu([new PresentationDataValue(1, 0x03, EchoCommandSet.Request(9))]));

        var release = association.ReleaseAsync(CancellationToken.None);
        (await h.Parrot.ReadPduAsync()).Type.Should().Be(PduType.ReleaseRequest);
        await h.Parrot.SendAsync(ReleaseResponsePdu.Instance);

        await release.WaitAsync(Parrot.Bound);
        association.Failure.Should().BeNull();
    }
}
