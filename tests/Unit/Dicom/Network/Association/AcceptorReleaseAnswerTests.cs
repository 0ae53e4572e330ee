using Conformance.Dicom.Network.Association;
using Conformance.Dicom.Network.Association.Negotiation;
using Conformance.Dicom.Network.Pdus;
using Conformance.Dicom.Network.StateMachine;
using Conformance.Dicom.Network.Transport;

namespace Conformance.Unit.Tests.Dicom.Network.Association;

/// <summary>
/// An SCP that disposes its association as soon as a receive returns null (the peer released) must still answer
/// A-RELEASE-RP: the receive learns of the release only once AR-4 has sent the answer. Seen under load in the interop
/// run before the fix (storescu: "Association Release Failed ... Peer aborted"): the waiter woke in AR-2, disposed the
/// association in Sta8, and disposal there sends A-ABORT.
/// </summary>
public class AcceptorReleaseAnswerTests
{
    [Test]
    public async Task A_pending_receive_ends_only_after_the_release_response_was_sent()
    {
        var probe = new ReceiveProbe();
        await using var listener = DicomListener.Start(AcceptancePolicy.ForVerification("OURSCP"), ConnectionOptions.Default with { Monitor = probe });
        using var parrot = await Parrot.ConnectAsync(listener.Port);
        await parrot.SendAsync(Parrot.VerificationRequest());
        await parrot.ReadAsync<AssociateAcceptPdu>();
        await using var association = await NextAsync(listener);
        probe.Receive = association.ReceiveAsync(_ => DiscardDataSink.Instance, CancellationToken.None).AsTask();

        await parrot.SendAsync(ReleaseRequestPdu.Instance);

        (await parrot.ReadPduAsync()).Type.Should().Be(PduType.ReleaseResponse);
        (await probe.Receive).Should().BeNull();
        probe.ReceiveEndedBeforeTheAnswer.Should().BeFalse("a receiver that disposes at once would find Sta8 and abort the release");
    }

    [Test]
    public async Task An_SCP_that_disposes_as_soon_as_its_receive_returns_null_still_answers_the_release()
    {
        await using var listener = DicomListener.Start(AcceptancePolicy.ForVerification("OURSCP"), ConnectionOptions.Default with { ArtimTimeout = TimeSpan.FromSeconds(2) });
        for (var round = 0; round < 5; round++)
        {
            using var parrot = await Parrot.ConnectAsync(listener.Port);
            await parrot.SendAsync(Parrot.VerificationRequest());
            await parrot.ReadAsync<AssociateAcceptPdu>();
            var association = await NextAsync(listener);
            var serving = association.ReceiveAsync(_ => DiscardDataSink.Instance, CancellationToken.None).AsTask().ContinueWith(
                async received =>
                {
                    var state = association.State;
                    await association.DisposeAsync();
                    return (Message: received.Result, State: state);
                },
                CancellationToken.None,
                TaskContinuationOptions.ExecuteSynchronously,
                TaskScheduler.Default).Unwrap();

            await parrot.SendAsync(ReleaseRequestPdu.Instance);

            (await parrot.ReadPduAsync()).Type.Should().Be(PduType.ReleaseResponse, $"round {round}: the SCP answers the release, never A-ABORT");
            parrot.Close();
            var (message, state) = await serving;
            message.Should().BeNull();
            state.Should().NotBe(AssociationState.Sta8, $"round {round}");
        }
    }

    private static async Task<DicomAssociation> NextAsync(DicomListener listener)
    {
        using var cts = new CancellationTokenSource(Parrot.Bound);
        await foreach (var association in listener.AcceptAsync(cts.Token))
        {
            return association;
        }

        throw new AssertionException("no association");
    }

    /// <summary>Looks at the pending receive the moment A-RELEASE-RP has been written.</summary>
    private sealed class ReceiveProbe : IAssociationMonitor
    {
        public Task<IncomingMessage?>? Receive { get; set; }

        public bool ReceiveEndedBeforeTheAnswer { get; private set; }

        public void PduSent(PduType type, int length, long timestamp)
        {
            if (type == PduType.ReleaseResponse)
            {
                ReceiveEndedBeforeTheAnswer = Receive?.IsCompleted == true;
            }
        }

        public void PduReceived(PduType type, int length, long timestamp)
        {
        }

        public void StateChanged(Transition transition, long timestamp)
        {
        }
    }
}
