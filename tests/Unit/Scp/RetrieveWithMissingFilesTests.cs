using Conformance.Dicom.Data;
using Conformance.Dicom.Network.Dimse;
using Conformance.Dicom.Network.Services.Storage;
using Conformance.Dicom.Query;
using Conformance.Scp;
using Conformance.Scp.Storage;

namespace Conformance.Unit.Tests.Scp;

/// <summary>An indexed instance whose file is gone fails its sub-operation; the retrieve goes on and ends with B000.</summary>
public class RetrieveWithMissingFilesTests
{
    private const string Study = "1.2.826.0.1.3680043.10.1137.80";
    private string _root = null!;
    private DicomServer _server = null!;
    private List<DicomDataset> _images = null!;

    [SetUp]
    public async Task StoreThreeAndLoseOne()
    {
        _root = Path.Combine(Path.GetTempPath(), $"scp-gone-{Guid.NewGuid():N}");
        _server = await DicomServer.StartAsync(new DicomServerOptions { AeTitle = "SCP", Storage = new DiskInstanceStorage(_root) });
        _images = Enumerable.Range(1, 3).Select(i => ServerTestObjects.Image("PGONE", Study, i)).ToList();
        (await DicomServerStorageTests.Scu(_server).StoreAsync(_images.Select(i => (StoreItem)new DatasetStoreItem(i)).ToList())).AllSucceeded.Should().BeTrue();
        File.Delete(Path.Combine(_root, GoneUid + ".dcm"));
    }

    [TearDown]
    public async Task Stop()
    {
        await _server.DisposeAsync();
        Directory.Delete(_root, recursive: true);
    }

    private string GoneUid => _images[1].GetUid(DicomTags.SOPInstanceUID);

    [Test]
    public async Task A_C_GET_final_response_lists_the_failed_instance()
    {
        var result = await DicomServerStorageTests.Scu(_server).GetAsync(QueryModel.StudyRoot, QueryLevel.Study, StudyIdentifier(), new MemoryInstanceStorage());

        result.Status.Should().Be(DimseStatus.SubOperationsCompleteWithFailures);
        (result.Completed, result.Failed).Should().Be((2, 1));
        result.FailedSopInstanceUids.Should().Equal([GoneUid], "PS3.4 C.4.3.1.4: the final response lists the failed sub-operations");
    }

    [Test]
    public async Task A_C_MOVE_final_response_lists_the_failed_instance()
    {
        await using var destination = await DicomServer.StartAsync(new DicomServerOptions { AeTitle = "DEST", Storage = new MemoryInstanceStorage() });
        await using var mover = await DicomServer.StartAsync(new DicomServerOptions
        {
            AeTitle = "MOVER", Storage = new DiskInstanceStorage(_root), MoveDestinations = [new MoveDestination("DEST", "127.0.0.1", destination.Port)],
        });
        var remaining = _images.Where((_, i) => i != 1).Select(i => (StoreItem)new DatasetStoreItem(i)).ToList();
        (await DicomServerStorageTests.Scu(mover, "MOVER").StoreAsync(remaining)).AllSucceeded.Should().BeTrue();
        await mover.Index.AddAsync(new Conformance.Scp.Index.IndexedInstance(
            new Dictionary<uint, string>
            {
                [DicomTags.PatientID.Value] = "PGONE", [DicomTags.StudyInstanceUID.Value] = Study, [DicomTags.SeriesInstanceUID.Value] = Study + ".1",
                [DicomTags.SOPInstanceUID.Value] = GoneUid, [DicomTags.SOPClassUID.Value] = ServerTestObjects.SecondaryCapture,
            },
            "1.2.840.10008.1.2.1", Path.Combine(_root, GoneUid + ".dcm"), 1), CancellationToken.None);

        var result = await DicomServerStorageTests.Scu(mover, "MOVER").MoveAsync(QueryModel.StudyRoot, QueryLevel.Study, StudyIdentifier(), "DEST");

        result.Status.Should().Be(DimseStatus.SubOperationsCompleteWithFailures);
        result.FailedSopInstanceUids.Should().Equal(GoneUid);
    }

    private static DicomDataset StudyIdentifier()
    {
        var identifier = new DicomDataset();
        identifier.SetUid(DicomTags.StudyInstanceUID, Study);
        return identifier;
    }
}
