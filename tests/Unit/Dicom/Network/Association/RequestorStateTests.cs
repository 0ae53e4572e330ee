using Conformance.Dicom.Network.Association.Negotiation;
using Conformance.Dicom.Network.Association.Verification;
using Conformance.Dicom.Network.Association;
using Conformance.Dicom.Network.Pdus;
using Conformance.Dicom.Network.StateMachine;
using Conformance.Dicom.Network.Transport;
using static Conformance.Unit.Tests.Dicom.Network.GoldenBytes;

namespace Conformance.Unit.Tests.Dicom.Network.Association;

/// <summary>The requestor's states (Sta4, Sta5, Sta6, Sta7, Sta9, Sta11, Sta13) driven by a parrot SCP over loopback.</summary>
public class RequestorStateTests
{
    private static readonly ConnectionOptions Quick = ConnectionOptions.Default with { ArtimTimeout = TimeSpan.FromMilliseconds(300) };

    [Test]
    public async Task Sta4_a_refused_connection_is_a_clear_network_error()
    {
        int port;
        using (var probe = new Parrot.Listener())
        {
            port = probe.Port;
        }

        var connect = () => DicomAssociation.ConnectAsync(AssociationRequest.ForVerification("127.0.0.1", port, "NOBODY"), ConnectionOptions.Default, CancellationToken.None);

        (await connect.Should().ThrowAsync<Conformance.Dicom.Network.DicomNetworkException>()).WithMessage("Cannot connect to NOBODY at 127.0.0.1:*");
    }

    [Test]
    public async Task Sta5_AC_establishes_the_association_AE3()
    {
        await using var h = await RequestorHarness.StartAsync();

        var association = await h.EstablishAsync();

        association.State.Should().Be(AssociationState.Sta6);
        association.Info.PresentationContexts.Should().ContainSingle().Which.IsAccepted.Should().BeTrue();
        association.Info.PeerMaxPduLength.Should().Be(16384);
        association.Info.PeerImplementationVersionName.Should().Be("PARROT");
        h.Monitor.Path.Should().StartWith(["Sta1 + Evt1 -> AE1 -> Sta4", "Sta4 + Evt2 -> AE2 -> Sta5", "Sta5 + Evt3 -> AE3 -> Sta6"]);
    }

    [TestCase(AssociateRejectResult.RejectedPermanent, AssociateRejectSource.ServiceUser, 1, "no reason given")]
    [TestCase(AssociateRejectResult.RejectedPermanent, AssociateRejectSource.ServiceUser, 2, "application context name not supported")]
    [TestCase(AssociateRejectResult.RejectedPermanent, AssociateRejectSource.ServiceUser, 3, "calling AE title not recognized")]
    [TestCase(AssociateRejectResult.RejectedPermanent, AssociateRejectSource.ServiceUser, 7, "called AE title not recognized")]
    [TestCase(AssociateRejectResult.RejectedPermanent, AssociateRejectSource.ServiceProviderAcse, 1, "no reason given")]
    [TestCase(AssociateRejectResult.RejectedPermanent, AssociateRejectSource.ServiceProviderAcse, 2, "protocol version not supported")]
    [TestCase(AssociateRejectResult.RejectedTransient, AssociateRejectSource.ServiceProviderPresentation, 1, "temporary congestion")]
    [TestCase(AssociateRejectResult.RejectedTransient, AssociateRejectSource.ServiceProviderPresentation, 2, "local limit exceeded")]
    public async Task Sta5_RJ_is_a_typed_rejection_AE4(AssociateRejectResult result, AssociateRejectSource source, byte reason, string text)
    {
        await using var h = await RequestorHarness.StartAsync();

        await h.Parrot.SendAsync(new AssociateRejectPdu(result, source, reason));

        var rejected = (await h.Connect.Awaiting(c => c).Should().ThrowAsync<AssociationRejectedException>()).Which;
        rejected.Result.Should().Be(result);
        rejected.RejectSource.Should().Be(source);
        rejected.Reason.Should().Be(reason);
        rejected.Rejection.ReasonText.Should().Be(text);
        rejected.Message.Should().Contain("PARROT");
        (await h.Parrot.IsClosedAsync()).Should().BeTrue("AE-4 closes the transport");
    }

    [Test]
    public async Task Sta5_A_ABORT_is_a_peer_abort_AA3()
    {
        await using var h = await RequestorHarness.StartAsync();

        await h.Parrot.SendAsync(new AbortPdu(AbortSource.ServiceProvider, AbortReason.UnexpectedPdu));

        var aborted = (await h.Connect.Awaiting(c => c).Should().ThrowAsync<AssociationAbortedException>()).Which;
        aborted.ByPeer.Should().BeTrue();
        aborted.AbortSource.Should().Be(AbortSource.ServiceProvider);
        aborted.AbortReason.Should().Be(AbortReason.UnexpectedPdu);
        aborted.State.Should().Be(AssociationState.Sta5);
    }

    [Test]
    public async Task Sta5_connection_closed_is_an_A_P_ABORT_AA4()
    {
        await using var h = await RequestorHarness.StartAsync();

        h.Parrot.Close();

        var aborted = (await h.Connect.Awaiting(c => c).Should().ThrowAsync<AssociationAbortedException>()).Which;
        aborted.ByPeer.Should().BeTrue();
        aborted.Message.Should().Contain("Sta5").And.Contain("closed");
    }

    [Test]
    public async Task Sta5_P_DATA_is_answered_by_A_ABORT_AA8()
    {
        await using var h = await RequestorHarness.StartAsync();

        await h.Parrot.SendAsync(Join(0x04, 0x00, 0x00, 0x00, 0x00, 0x07, 0x00, 0x00, 0x00, 0x03, 0x01, 0x03, 0x00));

        var abort = await h.Parrot.ReadAbortAsync();
        abort.Source.Should().Be(AbortSource.ServiceProvider);
        abort.Reason.Should().Be(AbortReason.UnexpectedPdu);
        await h.Connect.Awaiting(c => c).Should().ThrowAsync<AssociationAbortedException>();
    }

    [Test]
    public async Task Sta5_an_unknown_PDU_type_is_answered_by_A_ABORT_unrecognized_PDU()
    {
        await using var h = await RequestorHarness.StartAsync();

        await h.Parrot.SendAsync(Join(0x09, 0x00, 0x00, 0x00, 0x00, 0x02, 0xAA, 0xBB));

        (await h.Parrot.ReadAbortAsync()).Reason.Should().Be(AbortReason.UnrecognizedPdu);
        await h.Connect.Awaiting(c => c).Should().ThrowAsync<AssociationAbortedException>();
    }

    [Test]
    public async Task Sta5_an_AC_declaring_more_than_we_buffer_is_aborted_before_reading_its_body()
    {
        await using var h = await RequestorHarness.StartAsync();

        // Declares 16 MB and sends only the header: the check must not wait for the body.
        await h.Parrot.SendAsync(Join(0x02, 0x00, 0x01, 0x00, 0x00, 0x00));

        (await h.Parrot.ReadAbortAsync()).Reason.Should().Be(AbortReason.InvalidPduParameterValue);
        var aborted = (await h.Connect.Awaiting(c => c).Should().ThrowAsync<AssociationAbortedException>()).Which;
        aborted.Message.Should().Contain("declares 16777216 bytes");
    }

    [Test]
    public async Task Sta5_an_AC_accepting_a_transfer_syntax_never_proposed_is_aborted()
    {
        await using var h = await RequestorHarness.StartAsync();
        var ac = Parrot.AcceptAll(h.Request);
        ac = ac with { PresentationContexts = [new(1, Conformance.Dicom.Network.Pdus.PresentationContextResult.Acceptance, "1.2.840.10008.1.2.4.50")] };

        await h.Parrot.SendAsync(ac);

        (await h.Parrot.ReadAbortAsync()).Source.Should().Be(AbortSource.ServiceProvider);
        (await h.Connect.Awaiting(c => c).Should().ThrowAsync<AssociationAbortedException>()).Which.Message.Should().Contain("not proposed");
    }

    [Test]
    public async Task Sta5_silence_fires_ARTIM_and_the_exception_names_timer_state_and_peer()
    {
        await using var h = await RequestorHarness.StartAsync(Quick);

        var timeout = (await h.Connect.Awaiting(c => c).Should().ThrowAsync<AssociationTimeoutException>()).Which;

        timeout.Timer.Should().Be(AssociationTimer.Artim);
        timeout.State.Should().Be(AssociationState.Sta5);
        timeout.PeerAe.Should().Be("PARROT");
        timeout.Message.Should().Contain("Artim").And.Contain("A-ASSOCIATE-AC").And.Contain("PARROT").And.Contain("Sta5");
        (await h.Parrot.ReadAbortAsync()).Source.Should().Be(AbortSource.ServiceUser);
    }

    [Test]
    public async Task Sta6_P_DATA_is_delivered_DT2_and_the_release_request_of_the_peer_is_answered_AR2_AR4()
    {
        await using var h = await RequestorHarness.StartAsync();
        var association = await h.EstablishAsync();

        await h.Parrot.SendAsync(new DataTransferPdu([new PresentationDataValue(1, 0x03, EchoCommandSet.Request(7))]));
        var message = await association.ReceiveAsync(_ => DiscardDataSink.Instance, CancellationToken.None);
        await h.Parrot.SendAsync(ReleaseRequestPdu.Instance);

        message!.CommandSet.ToArray().Should().Equal(EchoCommandSet.Request(7));
        message.HasDataSet.Should().BeFalse();
        (await h.Parrot.ReadPduAsync()).Type.Should().Be(PduType.ReleaseResponse);
        (await association.ReceiveAsync(_ => DiscardDataSink.Instance, CancellationToken.None)).Should().BeNull();
        h.Parrot.Close();
        await association.Completion;
        association.Failure.Should().BeNull();
        h.Monitor.Path.Should().Contain(["Sta6 + Evt10 -> DT2 -> Sta6", "Sta6 + Evt12 -> AR2 -> Sta8", "Sta8 + Evt14 -> AR4 -> Sta13", "Sta13 + Evt17 -> AR5 -> Sta1"]);
    }

    [Test]
    public async Task Sta6_A_ABORT_fails_pending_receives_AA3()
    {
        await using var h = await RequestorHarness.StartAsync();
        var association = await h.EstablishAsync();
        var receive = association.ReceiveAsync(_ => DiscardDataSink.Instance, CancellationToken.None).AsTask();

        await h.Parrot.SendAsync(new AbortPdu(AbortSource.ServiceUser, AbortReason.NotSpecified));

        var aborted = (await receive.Awaiting(r => r).Should().ThrowAsync<AssociationAbortedException>()).Which;
        aborted.ByPeer.Should().BeTrue();
        aborted.State.Should().Be(AssociationState.Sta6);
    }

    [Test]
    public async Task Sta6_an_unexpected_AC_is_answered_by_A_ABORT_AA8()
    {
        await using var h = await RequestorHarness.StartAsync();
        var association = await h.EstablishAsync();

        await h.Parrot.SendAsync(Parrot.AcceptAll(h.Request));

        (await h.Parrot.ReadAbortAsync()).Reason.Should().Be(AbortReason.UnexpectedPdu);
        h.Parrot.Close();
        await association.Completion;
        association.Failure.Should().BeOfType<AssociationAbortedException>().Which.ByPeer.Should().BeFalse();
    }

    [Test]
    public async Task Sta6_a_PDV_on_a_context_never_accepted_is_answered_by_A_ABORT()
    {
        await using var h = await RequestorHarness.StartAsync();
        var association = await h.EstablishAsync();

        await h.Parrot.SendAsync(new DataTransferPdu([new PresentationDataValue(3, 0x03, EchoCommandSet.Request(1))]));

        (await h.Parrot.ReadAbortAsync()).Reason.Should().Be(AbortReason.InvalidPduParameterValue);
        h.Parrot.Close();
        await association.Completion;
        association.Failure!.Message.Should().Contain("presentation context 3");
    }

    [Test]
    public async Task Sta6_a_data_fragment_before_any_command_is_answered_by_A_ABORT()
    {
        await using var h = await RequestorHarness.StartAsync();
        var association = await h.EstablishAsync();

        await h.Parrot.SendAsync(new DataTransferPdu([new PresentationDataValue(1, 0x02, new byte[] { 1, 2 })]));

        (await h.Parrot.ReadAbortAsync()).Reason.Should().Be(AbortReason.UnexpectedPduParameter);
        h.Parrot.Close();
        await association.Completion;
    }

    [Test]
    public async Task Sta6_a_closed_connection_is_an_A_P_ABORT_AA4()
    {
        await using var h = await RequestorHarness.StartAsync();
        var association = await h.EstablishAsync();

        h.Parrot.Close();
        await association.Completion;

        association.Failure.Should().BeOfType<AssociationAbortedException>().Which.Message.Should().Contain("closed");
        h.Monitor.Path.Should().Contain("Sta6 + Evt17 -> AA4 -> Sta1");
    }

    [Test]
    public async Task Sta6_idle_timer_aborts_and_is_named()
    {
        await using var h = await RequestorHarness.StartAsync(ConnectionOptions.Default with { IdleTimeout = TimeSpan.FromMilliseconds(200), ArtimTimeout = TimeSpan.FromMilliseconds(300) });
        var association = await h.EstablishAsync();

        (await h.Parrot.ReadAbortAsync()).Source.Should().Be(AbortSource.ServiceUser);
        await association.Completion;

        var timeout = association.Failure.Should().BeOfType<AssociationTimeoutException>().Which;
        timeout.Timer.Should().Be(AssociationTimer.Idle);
        timeout.State.Should().Be(AssociationState.Sta6);
        timeout.Message.Should().Contain("Idle timer").And.Contain("PARROT");
    }

    [Test]
    public async Task Sta6_the_DIMSE_timer_aborts_and_is_named()
    {
        await using var h = await RequestorHarness.StartAsync(Quick);
        var association = await h.EstablishAsync();

        var receive = () => association.ReceiveAsync(_ => DiscardDataSink.Instance, TimeSpan.FromMilliseconds(200), CancellationToken.None).AsTask();

        var timeout = (await receive.Should().ThrowAsync<AssociationTimeoutException>()).Which;
        timeout.Timer.Should().Be(AssociationTimer.Dimse);
        timeout.Message.Should().Contain("Dimse timer").And.Contain("Sta6").And.Contain("PARROT");
        (await h.Parrot.ReadAbortAsync()).Source.Should().Be(AbortSource.ServiceUser);
    }
}
