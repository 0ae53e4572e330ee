using Conformance.Dicom.Network.Association;
using Conformance.Dicom.Network.Association.Negotiation;
using Conformance.Dicom.Network.Pdus;
using Conformance.Dicom.Network.Transport;
using Conformance.Dicom.Uids;
using Conformance.Scp;
using Conformance.Scp.Storage;

namespace Conformance.Unit.Tests.Scp;

/// <summary>What the SCP accepts at negotiation: storage SOP classes of the registry (and configured private ones),
/// Verification and Query/Retrieve; anything else is rejected "abstract syntax not supported" (PS3.8 9.3.3.2).</summary>
public class ServerNegotiationTests
{
    private const string ModalityWorklistFind = "1.2.840.10008.5.1.4.31";
    private const string StorageCommitmentPush = "1.2.840.10008.1.20.1";
    private const string CtImageStorage = "1.2.840.10008.5.1.4.1.1.2";
    private const string PrivateClass = "1.2.826.0.1.3680043.10.1137.99.1";

    [Test]
    public async Task Worklist_storage_commitment_and_unknown_classes_are_rejected_abstract_syntax_not_supported()
    {
        await using var server = await DicomServer.StartAsync(new DicomServerOptions { AeTitle = "SCP", Storage = new DiscardInstanceStorage() });

        var results = await ProposeAsync(server, ModalityWorklistFind, StorageCommitmentPush, PrivateClass, CtImageStorage, NegotiationUids.Verification);

        results.Should().Equal(
            PresentationContextResult.AbstractSyntaxNotSupported,
            PresentationContextResult.AbstractSyntaxNotSupported,
            PresentationContextResult.AbstractSyntaxNotSupported,
            PresentationContextResult.Acceptance,
            PresentationContextResult.Acceptance);
    }

    [Test]
    public async Task Every_storage_SOP_class_of_the_registry_is_accepted_retired_ones_too()
    {
        await using var server = await DicomServer.StartAsync(new DicomServerOptions { AeTitle = "SCP", Storage = new DiscardInstanceStorage() });
        var classes = DicomUidRegistry.StorageSopClasses;

        var results = new List<PresentationContextResult>();
        foreach (var chunk in classes.Chunk(AssociationRequest.MaxPresentationContexts))
        {
            results.AddRange(await ProposeAsync(server, chunk));
        }

        classes.Should().Contain("1.2.840.10008.5.1.4.1.1.6", "Ultrasound Image Storage (retired) is still sent by old modalities");
        results.Should().HaveCount(classes.Count).And.OnlyContain(r => r == PresentationContextResult.Acceptance);
    }

    [Test]
    public async Task A_configured_private_SOP_class_is_accepted_for_storage()
    {
        await using var server = await DicomServer.StartAsync(new DicomServerOptions
        {
            AeTitle = "SCP", Storage = new DiscardInstanceStorage(), PrivateStorageSopClasses = [PrivateClass],
        });

        (await ProposeAsync(server, PrivateClass)).Should().Equal(PresentationContextResult.Acceptance);
    }

    private static async Task<IReadOnlyList<PresentationContextResult>> ProposeAsync(DicomServer server, params IReadOnlyList<string> abstractSyntaxes)
    {
        var request = new AssociationRequest
        {
            CalledAe = "SCP", Host = "127.0.0.1", Port = server.Port,
            PresentationContexts = abstractSyntaxes.Select(a => new PresentationContextProposal(a, NegotiationUids.ExplicitVrLittleEndian)).ToList(),
        };
        var association = await DicomAssociation.ConnectAsync(request, ConnectionOptions.Default, CancellationToken.None);
        await using (association)
        {
            var results = association.Info.PresentationContexts.Select(c => c.Result).ToList();
            await association.ReleaseAsync(CancellationToken.None);
            return results;
        }
    }
}
