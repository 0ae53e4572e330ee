using Conformance.Dicom.Network.Association.Negotiation;
using Conformance.Dicom.Network.Association.Verification;
using Conformance.Dicom.Network.Association;
using Conformance.Dicom.Network.Pdus;
using Conformance.Dicom.Network.StateMachine;
using Conformance.Dicom.Network.Transport;
using static Conformance.Unit.Tests.Dicom.Network.GoldenBytes;

namespace Conformance.Unit.Tests.Dicom.Network.Association;

/// <summary>What the requestor reads from an A-ASSOCIATE-AC beyond the contexts: roles, window, user identity.</summary>
public class RequestorNegotiationTests
{
    [Test]
    public async Task Negotiated_roles_window_and_user_identity_are_reported()
    {
        await using var h = await RequestorHarness.StartAsync(shape: r => r with
        {
            PresentationContexts = [new PresentationContextProposal("1.2.840.10008.5.1.4.1.1.2", ["1.2.840.10008.1.2"], new RoleSelection(true, true))],
            AsyncOperations = new AsyncOperationsWindow(4, 1),
            UserIdentity = UserIdentity.UsernameAndPasscode("bob", "pw", positiveResponseRequested: true),
        });
        h.Request.UserInformation.RoleSelections.Should().ContainSingle().Which.ScpRole.Should().BeTrue();
        h.Request.UserInformation.UserIdentityRequest!.SecondaryField.ToArray().Should().Equal("pw"u8.ToArray());
        var ac = Parrot.AcceptAll(h.Request);
        ac = ac with
        {
            UserInformation = ac.UserInformation with
            {
                RoleSelections = [new("1.2.840.10008.5.1.4.1.1.2", false, true)],
                AsynchronousOperationsWindow = new(2, 1),
                UserIdentityAccept = new("ticket"u8.ToArray()),
            },
        };

        await h.Parrot.SendAsync(ac);
        var association = await h.Connect;

        var pc = association.Info.PresentationContexts.Should().ContainSingle().Subject;
        (pc.ScuRole, pc.ScpRole).Should().Be((false, true));
        association.Info.AsyncOperations.Should().Be(new AsyncOperationsWindow(2, 1));
        association.Info.UserIdentityServerResponse!.Value.ToArray().Should().Equal("ticket"u8.ToArray());
    }
}
