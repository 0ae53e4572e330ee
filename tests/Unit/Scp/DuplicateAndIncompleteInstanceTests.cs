using Conformance.Dicom.Data;
using Conformance.Dicom.IO;
using Conformance.Dicom.Network.Association;
using Conformance.Dicom.Network.Association.Negotiation;
using Conformance.Dicom.Network.Dimse;
using Conformance.Dicom.Network.Services;
using Conformance.Dicom.Network.Services.Scu;
using Conformance.Dicom.Network.Services.Storage;
using Conformance.Dicom.Network.Transport;
using Conformance.Dicom.Query;
using Conformance.Scp;
using Conformance.Scp.Storage;

namespace Conformance.Unit.Tests.Scp;

/// <summary>
/// The SCP keeps what it can and keeps file and index row together: a SOP Instance UID stored again replaces the earlier
/// instance only when the new one is stored completely; objects missing identifying attributes are stored with a warning.
/// </summary>
public class DuplicateAndIncompleteInstanceTests
{
    private const string Study = "1.2.826.0.1.3680043.10.1137.70";
    private string _root = null!;
    private DicomServer _server = null!;

    [SetUp]
    public async Task Start()
    {
        _root = Path.Combine(Path.GetTempPath(), $"scp-dup-{Guid.NewGuid():N}");
        _server = await DicomServer.StartAsync(new DicomServerOptions { AeTitle = "SCP", Storage = new DiskInstanceStorage(_root) });
    }

    [TearDown]
    public async Task Stop()
    {
        await _server.DisposeAsync();
        Directory.Delete(_root, recursive: true);
    }

    [Test]
    public async Task A_failed_second_store_of_a_stored_UID_leaves_the_first_file_and_index_row_untouched()
    {
        var first = ServerTestObjects.Image("PDUP", Study, 1);
        var uid = first.GetUid(DicomTags.SOPInstanceUID);
        (await Scu().StoreAsync([new DatasetStoreItem(first)])).AllSucceeded.Should().BeTrue();
        var path = Path.Combine(_root, uid + ".dcm");
        var stored = await File.ReadAllBytesAsync(path);

        // The same UID again, with a data set nobody can parse: the store fails.
        var status = await SendRawStoreAsync(uid, [0x10, 0x00, 0x10, 0x00, 0xFF, 0xFF, 0xFF, 0x7F]);

        status.IsFailure.Should().BeTrue($"an unreadable data set is refused ({status})");
        (await File.ReadAllBytesAsync(path)).Should().Equal(stored, "the earlier instance is untouched");
        var got = await Scu().GetAsync(QueryModel.PatientRoot, QueryLevel.Patient, Identifier(DicomTags.PatientID, "PDUP"), new MemoryInstanceStorage());
        got.Status.Should().Be(DimseStatus.Success);
        got.Completed.Should().Be(1);
    }

    [Test]
    public async Task A_second_successful_store_replaces_file_and_index_row_together()
    {
        var first = ServerTestObjects.Image("PDUP", Study, 1);
        var second = ServerTestObjects.Image("PDUP2", Study + ".9", 1);
        second.SetUid(DicomTags.SOPInstanceUID, first.GetUid(DicomTags.SOPInstanceUID));
        (await Scu().StoreAsync([new DatasetStoreItem(first)])).AllSucceeded.Should().BeTrue();

        (await Scu().StoreAsync([new DatasetStoreItem(second)])).AllSucceeded.Should().BeTrue();

        var file = DicomFile.Open(Path.Combine(_root, first.GetUid(DicomTags.SOPInstanceUID) + ".dcm"));
        file.Dataset.GetString(DicomTags.PatientID).Should().Be("PDUP2");
        var studies = await Scu().FindAllAsync(QueryModel.StudyRoot, QueryLevel.Study, Identifier(DicomTags.StudyInstanceUID, ""));
        studies.Matches.Select(m => m.GetString(DicomTags.StudyInstanceUID)).Should().Equal([Study + ".9"], "the replaced instance's old study held nothing else");
        var patients = await Scu().FindAllAsync(QueryModel.PatientRoot, QueryLevel.Patient, Identifier(DicomTags.PatientID, ""));
        patients.Matches.Select(m => m.GetString(DicomTags.PatientID)).Should().Equal("PDUP2");
    }

    [Test]
    public async Task An_object_without_Patient_ID_is_stored_and_indexed_with_a_warning()
    {
        var image = ServerTestObjects.Image("X", Study, 2);
        image.Remove(DicomTags.PatientID);

        var result = await Scu().StoreAsync([new DatasetStoreItem(image)]);

        result.Outcomes.Single().Status.Should().Be(DimseStatus.DataSetDoesNotMatchSopClassWarning, result.Outcomes.Single().Error);
        var found = await Scu().FindAllAsync(QueryModel.StudyRoot, QueryLevel.Study, Identifier(DicomTags.StudyInstanceUID, Study));
        found.Matches.Should().ContainSingle();
    }

    [Test]
    public async Task An_object_without_Study_or_Series_Instance_UID_is_stored_indexed_and_retrievable()
    {
        var image = ServerTestObjects.Image("PNOSTUDY", Study, 3);
        image.Remove(DicomTags.StudyInstanceUID);
        image.Remove(DicomTags.SeriesInstanceUID);

        var result = await Scu().StoreAsync([new DatasetStoreItem(image)]);

        result.Outcomes.Single().Status.Should().Be(DimseStatus.DataSetDoesNotMatchSopClassWarning, result.Outcomes.Single().Error);
        var got = await Scu().GetAsync(QueryModel.PatientRoot, QueryLevel.Patient, Identifier(DicomTags.PatientID, "PNOSTUDY"), new MemoryInstanceStorage());
        got.Completed.Should().Be(1);
    }

    private DicomScu Scu() => DicomServerStorageTests.Scu(_server);

    private static DicomDataset Identifier(DicomTag tag, string value)
    {
        var identifier = new DicomDataset();
        identifier.SetString(tag, value);
        return identifier;
    }

    private async Task<DimseStatus> SendRawStoreAsync(string sopInstanceUid, byte[] data)
    {
        var request = new AssociationRequest
        {
            CalledAe = "SCP", Host = "127.0.0.1", Port = _server.Port,
            PresentationContexts = [new PresentationContextProposal(ServerTestObjects.SecondaryCapture, NegotiationUids.ExplicitVrLittleEndian)],
        };
        var association = await DicomAssociation.ConnectAsync(request, ConnectionOptions.Default, CancellationToken.None);
        await using (association)
        {
            using var channel = new DimseChannel(association);
            var store = new CStoreRequest { MessageId = 1, AffectedSopClassUid = ServerTestObjects.SecondaryCapture, AffectedSopInstanceUid = sopInstanceUid };
            var pending = await channel.SendRequestAsync(1, store, new MemoryMessageData(data), CancellationToken.None);
            var reply = await pending.FinalAsync(CancellationToken.None);
            await association.ReleaseAsync(CancellationToken.None);
            return reply.Response.Status;
        }
    }
}
