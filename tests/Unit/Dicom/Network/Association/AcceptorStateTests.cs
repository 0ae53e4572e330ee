using Conformance.Dicom.Network.Association.Negotiation;
using Conformance.Dicom.Network.Association.Verification;
using Conformance.Dicom.Network.Association;
using Conformance.Dicom.Network.Pdus;
using Conformance.Dicom.Network.Transport;
using static Conformance.Unit.Tests.Dicom.Network.GoldenBytes;

namespace Conformance.Unit.Tests.Dicom.Network.Association;

/// <summary>The acceptor's states (Sta2, Sta3, Sta6, Sta7, Sta10, Sta12, Sta13) driven by a parrot SCU against our listener.</summary>
public class AcceptorStateTests
{
    private const string Ct = "1.2.840.10008.5.1.4.1.1.2";
    private const string ImplicitLe = "1.2.840.10008.1.2";
    private const string ExplicitLe = "1.2.840.10008.1.2.1";

    private static AcceptancePolicy Policy => AcceptancePolicy.ForVerification("OURSCP");

    private static async Task<(DicomListener Listener, RecordingMonitor Monitor)> ListenAsync(AcceptancePolicy? policy = null, ConnectionOptions? options = null)
    {
        var monitor = new RecordingMonitor();
        var listener = DicomListener.Start(policy ?? Policy, (options ?? ConnectionOptions.Default) with { Monitor = monitor });
        await Task.Yield();
        return (listener, monitor);
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

    [Test]
    public async Task Sta2_a_request_is_accepted_AE6_AE7()
    {
        var (listener, monitor) = await ListenAsync(Policy with { MaxPduLength = 32768 });
        await using var _ = listener;
        using var parrot = await Parrot.ConnectAsync(listener.Port);

        await parrot.SendAsync(Parrot.VerificationRequest());
        var ac = await parrot.ReadAsync<AssociateAcceptPdu>();
        await using var association = await NextAsync(listener);

        ac.CalledAe.Should().Be("OURSCP");
        ac.CallingAe.Should().Be("PARROT");
        ac.PresentationContexts.Should().Equal(new PresentationContextAcceptItem(1, PresentationContextResult.Acceptance, ImplicitLe));
        ac.UserInformation.MaximumLength!.MaximumLength.Should().Be(32768);
        ac.UserInformation.ImplementationClassUid!.Uid.Should().Be(Conformance.Dicom.DicomImplementation.ClassUid);
        association.Info.IsRequestor.Should().BeFalse();
        association.Info.PeerAe.Should().Be("PARROT");
        association.Info.PeerMaxPduLength.Should().Be(16384);
        monitor.Path.Should().StartWith(["Sta1 + Evt5 -> AE5 -> Sta2", "Sta2 + Evt6 -> AE6 -> Sta3", "Sta3 + Evt7 -> AE7 -> Sta6"]);
        parrot.Close();
    }

    [Test]
    public async Task Sta2_silence_fires_ARTIM_and_the_connection_is_closed_AA2()
    {
        var (listener, monitor) = await ListenAsync(options: ConnectionOptions.Default with { ArtimTimeout = TimeSpan.FromMilliseconds(200) });
        await using var _ = listener;
        using var parrot = await Parrot.ConnectAsync(listener.Port);

        (await parrot.IsClosedAsync()).Should().BeTrue();

        monitor.Path.Should().Contain("Sta2 + Evt18 -> AA2 -> Sta1");
    }

    [Test]
    public async Task Sta2_P_DATA_is_answered_by_A_ABORT_AA1()
    {
        var (listener, monitor) = await ListenAsync();
        await using var _ = listener;
        using var parrot = await Parrot.ConnectAsync(listener.Port);

        await parrot.SendAsync(new DataTransferPdu([new PresentationDataValue(1, 0x03, new byte[] { 0 })]));

        (await parrot.ReadAbortAsync()).Source.Should().Be(AbortSource.ServiceUser);
        parrot.Close();
        monitor.Path.Should().Contain("Sta2 + Evt10 -> AA1 -> Sta13");
    }

    [Test]
    public async Task Sta2_a_malformed_request_is_answered_by_A_ABORT_and_nothing_crashes()
    {
        var (listener, _) = await ListenAsync();
        await using var l = listener;
        using var parrot = await Parrot.ConnectAsync(listener.Port);
        var rq = new byte[Parrot.VerificationRequest().EncodedLength];
        Parrot.VerificationRequest().Write(rq);
        rq[6 + 68 + 3] = 200;     // application context item declares 200 bytes

        await parrot.SendAsync(rq);

        (await parrot.ReadAbortAsync()).Should().NotBeNull();
        parrot.Close();
        using var good = await Parrot.ConnectAsync(listener.Port);
        await good.SendAsync(Parrot.VerificationRequest());
        (await good.ReadPduAsync()).Type.Should().Be(PduType.AssociateAccept, "the listener goes on serving");
    }

    [Test]
    public async Task Sta2_an_A_ABORT_closes_AA2_and_a_close_is_AA5()
    {
        var (listener, monitor) = await ListenAsync();
        await using var _ = listener;
        using var aborting = await Parrot.ConnectAsync(listener.Port);
        using var closing = await Parrot.ConnectAsync(listener.Port);

        await aborting.SendAsync(new AbortPdu(AbortSource.ServiceUser, AbortReason.NotSpecified));
        (await aborting.IsClosedAsync()).Should().BeTrue();
        closing.Close();
        await WaitUntilAsync(() => monitor.Path.Contains("Sta2 + Evt17 -> AA5 -> Sta1"));

        monitor.Path.Should().Contain("Sta2 + Evt16 -> AA2 -> Sta1");
    }

    [Test]
    public async Task Protocol_version_without_bit_0_is_rejected_by_the_provider_AE6()
    {
        var (listener, monitor) = await ListenAsync();
        await using var _ = listener;
        using var parrot = await Parrot.ConnectAsync(listener.Port);

        await parrot.SendAsync(Parrot.VerificationRequest(protocolVersion: 2));

        (await parrot.ReadAsync<AssociateRejectPdu>()).Should().Be(new AssociateRejectPdu(AssociateRejectResult.RejectedPermanent, AssociateRejectSource.ServiceProviderAcse, 2));
        parrot.Close();
        await WaitUntilAsync(() => monitor.Path.Contains("Sta13 + Evt17 -> AR5 -> Sta1"));
        monitor.Path.Should().Contain("Sta2 + Evt6 -> AE6 -> Sta13");
    }

    private static IEnumerable<TestCaseData> Rejections()
    {
        yield return new TestCaseData(Policy, Parrot.VerificationRequest(called: "SOMEONE"), Join(0x03, 0x00, 0x00, 0x00, 0x00, 0x04, 0x00, 0x01, 0x01, 0x07)).SetName("Called AE not recognised: 1, 1, 7");
        yield return new TestCaseData(Policy with { CallingAeTitles = new HashSet<string> { "FRIEND" } }, Parrot.VerificationRequest(), Join(0x03, 0x00, 0x00, 0x00, 0x00, 0x04, 0x00, 0x01, 0x01, 0x03)).SetName("Calling AE not recognised: 1, 1, 3");
        yield return new TestCaseData(Policy, Parrot.VerificationRequest(applicationContext: "1.2.3.4"), Join(0x03, 0x00, 0x00, 0x00, 0x00, 0x04, 0x00, 0x01, 0x01, 0x02)).SetName("Application context not supported: 1, 1, 2");
        yield return new TestCaseData(Policy with { UserIdentityValidator = _ => false }, Parrot.VerificationRequest() with { UserInformation = Parrot.VerificationRequest().UserInformation with { UserIdentityRequest = new UserIdentityRequestItem(UserIdentityType.Username, false, "eve"u8.ToArray(), ReadOnlyMemory<byte>.Empty) } }, Join(0x03, 0x00, 0x00, 0x00, 0x00, 0x04, 0x00, 0x01, 0x02, 0x01)).SetName("Identity refused (PS3.7 D.3.3.7, ACSE source, no reason given): 1, 2, 1");
    }

    [TestCaseSource(nameof(Rejections))]
    public async Task Rejection_is_sent_with_its_result_source_and_reason_AE8(AcceptancePolicy policy, AssociateRequestPdu request, byte[] expected)
    {
        var (listener, monitor) = await ListenAsync(policy);
        await using var _ = listener;
        using var parrot = await Parrot.ConnectAsync(listener.Port);

        await parrot.SendAsync(request);
        var (type, body) = await parrot.ReadPduAsync();
        await parrot.SendAsync(new DataTransferPdu([new PresentationDataValue(1, 0x03, new byte[] { 0 })]));
        parrot.Close();
        await WaitUntilAsync(() => listener.Counters.Rejected == 1 && monitor.Path.Contains("Sta13 + Evt17 -> AR5 -> Sta1"));

        Join((byte)type, 0x00, 0x00, 0x00, 0x00, (byte)body.Length, body).Should().Equal(expected);
        monitor.Path.Should().Contain(["Sta3 + Evt8 -> AE8 -> Sta13", "Sta13 + Evt10 -> AA6 -> Sta13"]);
    }

    [Test]
    public async Task Local_limit_exceeded_when_max_associations_are_established()
    {
        var (listener, _) = await ListenAsync(Policy with { MaxAssociations = 1 });
        await using var l = listener;
        using var first = await Parrot.ConnectAsync(listener.Port);
        await first.SendAsync(Parrot.VerificationRequest());
        (await first.ReadPduAsync()).Type.Should().Be(PduType.AssociateAccept);
        using var second = await Parrot.ConnectAsync(listener.Port);

        await second.SendAsync(Parrot.VerificationRequest());

        (await second.ReadAsync<AssociateRejectPdu>()).Should().Be(new AssociateRejectPdu(AssociateRejectResult.RejectedTransient, AssociateRejectSource.ServiceProviderPresentation, 2));
        listener.EstablishedAssociations.Should().Be(1);
    }

    [Test]
    public async Task Contexts_are_negotiated_per_abstract_syntax_in_our_preference_with_roles()
    {
        var policy = Policy.WithAbstractSyntax(new AbstractSyntaxPolicy(Ct, [ExplicitLe, ImplicitLe], AllowScuRole: true, AllowScpRole: false));
        var (listener, _) = await ListenAsync(policy with { AsyncOperations = new AsyncOperationsWindow(4, 4) });
        await using var l = listener;
        using var parrot = await Parrot.ConnectAsync(listener.Port);
        var rq = Parrot.VerificationRequest() with
        {
            PresentationContexts =
            [
                new PresentationContextRequestItem(1, Ct, [ImplicitLe, ExplicitLe]),
                new PresentationContextRequestItem(3, Ct, ["1.2.840.10008.1.2.4.50"]),
                new PresentationContextRequestItem(5, "1.2.3.4.5", [ImplicitLe]),
            ],
            UserInformation = Parrot.VerificationRequest().UserInformation with
            {
                RoleSelections = [new RoleSelectionItem(Ct, true, true)],
                AsynchronousOperationsWindow = new AsynchronousOperationsWindowItem(0, 2),
                UserIdentityRequest = new UserIdentityRequestItem(UserIdentityType.UsernameAndPasscode, true, "bob"u8.ToArray(), "pw"u8.ToArray()),
            },
        };

        await parrot.SendAsync(rq);
        var ac = await parrot.ReadAsync<AssociateAcceptPdu>();
        await using var association = await NextAsync(listener);

        ac.PresentationContexts.Select(pc => (pc.Id, pc.Result)).Should().Equal(
            ((byte)1, PresentationContextResult.Acceptance),
            ((byte)3, PresentationContextResult.TransferSyntaxesNotSupported),
            ((byte)5, PresentationContextResult.AbstractSyntaxNotSupported));
        ac.PresentationContexts[0].TransferSyntax.Should().Be(ExplicitLe, "our preference wins");
        ac.UserInformation.RoleSelections.Should().Equal(new RoleSelectionItem(Ct, true, false));
        ac.UserInformation.AsynchronousOperationsWindow.Should().Be(new AsynchronousOperationsWindowItem(4, 2));
        ac.UserInformation.UserIdentityAccept.Should().NotBeNull("a positive response was requested");
        association.Info.UserIdentity!.PrimaryText.Should().Be("bob");
        association.Info.FindAccepted(Ct)!.ScpRole.Should().BeFalse();
        parrot.Close();
    }

    [Test]
    public async Task Sta6_the_peer_releases_AR2_AR4_and_receive_returns_null()
    {
        var (listener, monitor) = await ListenAsync();
        await using var l = listener;
        using var parrot = await Parrot.ConnectAsync(listener.Port);
        await parrot.SendAsync(Parrot.VerificationRequest());
        await parrot.ReadAsync<AssociateAcceptPdu>();
        await using var association = await NextAsync(listener);
        var serving = VerificationScp.HandleAsync(association, CancellationToken.None);

        await parrot.SendAsync(new DataTransferPdu([new PresentationDataValue(1, 0x03, EchoCommandSet.Request(5))]));
        var (type, body) = await parrot.ReadPduAsync();
        await parrot.SendAsync(ReleaseRequestPdu.Instance);
        (await parrot.ReadPduAsync()).Type.Should().Be(PduType.ReleaseResponse);
        parrot.Close();

        (await serving).Should().Be(1);
        type.Should().Be(PduType.DataTransfer);
        var pdv = DataTransferPdu.Parse(body).Values.Should().ContainSingle().Subject;
        pdv.MessageControlHeader.Should().Be(0x03);
        pdv.Fragment.ToArray().Should().Equal(EchoCommandSet.Response(5, 0));
        await association.Completion;
        association.Failure.Should().BeNull();
        monitor.Path.Should().Contain(["Sta6 + Evt12 -> AR2 -> Sta8", "Sta8 + Evt14 -> AR4 -> Sta13", "Sta13 + Evt17 -> AR5 -> Sta1"]);
    }

    [Test]
    public async Task Release_collision_acceptor_side_Sta7_Sta10_Sta12_Sta13()
    {
        var (listener, monitor) = await ListenAsync();
        await using var l = listener;
        using var parrot = await Parrot.ConnectAsync(listener.Port);
        await parrot.SendAsync(Parrot.VerificationRequest());
        await parrot.ReadAsync<AssociateAcceptPdu>();
        await using var association = await NextAsync(listener);

        var release = association.ReleaseAsync(CancellationToken.None);
        (await parrot.ReadPduAsync()).Type.Should().Be(PduType.ReleaseRequest);
        await parrot.SendAsync(ReleaseRequestPdu.Instance);
        await parrot.SendAsync(ReleaseResponsePdu.Instance);
        (await parrot.ReadPduAsync()).Type.Should().Be(PduType.ReleaseResponse, "AR-4 from Sta12");
        parrot.Close();
        await release;
        await association.Completion;

        association.Failure.Should().BeNull();
        monitor.Path.Should().Contain(["Sta7 + Evt12 -> AR8 -> Sta10", "Sta10 + Evt13 -> AR10 -> Sta12", "Sta12 + Evt14 -> AR4 -> Sta13", "Sta13 + Evt17 -> AR5 -> Sta1"]);
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        while (!condition())
        {
            if (System.Diagnostics.Stopwatch.GetElapsedTime(started) > Parrot.Bound)
            {
                Assert.Fail("condition not reached");
            }

            await Task.Delay(5);
        }
    }
}
