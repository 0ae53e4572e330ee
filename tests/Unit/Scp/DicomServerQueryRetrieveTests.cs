using Conformance.Scp.Storage;
using Conformance.Dicom.Data;
using Conformance.Dicom.IO;
using Conformance.Dicom.Network.Dimse;
using Conformance.Dicom.Network.Services.Scu;
using Conformance.Dicom.Network.Services.Storage;
using Conformance.Dicom.Network.Transport;
using Conformance.Dicom.Query;
using Conformance.Scp;

namespace Conformance.Unit.Tests.Scp;

/// <summary>C-FIND, C-MOVE and C-GET between our SCU and our SCP over loopback.</summary>
public class DicomServerQueryRetrieveTests
{
    private const string StudyA = "1.2.826.0.1.3680043.10.1137.21";
    private const string StudyB = "1.2.826.0.1.3680043.10.1137.22";
    private DicomServer _server = null!;
    private MemoryInstanceStorage _storage = null!;
    private List<DicomDataset> _sources = null!;

    [SetUp]
    public async Task StartAndFill()
    {
        _storage = new MemoryInstanceStorage();
        _server = await DicomServer.StartAsync(new DicomServerOptions { AeTitle = "QR", Storage = _storage });
        _sources =
        [
            .. Enumerable.Range(1, 3).Select(i => ServerTestObjects.Image("PA", StudyA, i, modality: "CT", date: "20200110")),
            .. Enumerable.Range(1, 2).Select(i => ServerTestObjects.Image("PB", StudyB, i, modality: "MR", date: "20210505")),
        ];
        var stored = await Scu(_server).StoreAsync(_sources.Select(d => (StoreItem)new DatasetStoreItem(d)).ToList());
        stored.AllSucceeded.Should().BeTrue();
    }

    [TearDown]
    public async Task Stop() => await _server.DisposeAsync();

    [Test]
    public async Task Find_at_study_level_returns_the_requested_keys_of_the_matching_study()
    {
        var identifier = new DicomDataset();
        identifier.SetString(DicomTags.StudyDate, "20200101-20201231");
        identifier.SetString(DicomTags.PatientName, "");
        identifier.SetString(DicomTags.StudyInstanceUID, "");
        identifier.SetString(DicomTags.ModalitiesInStudy, "");

        var result = await Scu(_server).FindAllAsync(QueryModel.StudyRoot, QueryLevel.Study, identifier);

        result.Status.Should().Be(DimseStatus.Success);
        var match = result.Matches.Should().ContainSingle().Subject;
        match.GetString(DicomTags.StudyInstanceUID).Should().Be(StudyA);
        match.GetString(DicomTags.PatientName).Should().Be("TEST^PA");
        match.GetString(DicomTags.ModalitiesInStudy).Should().Be("CT");
        match.GetString(DicomTags.QueryRetrieveLevel).Should().Be("STUDY");
    }

    [Test]
    public async Task Find_at_image_level_with_wildcard_streams_one_identifier_per_instance()
    {
        // Hierarchical (relational queries are not negotiated): one patient, study and series above the IMAGE level.
        var identifier = new DicomDataset();
        identifier.SetString(DicomTags.PatientID, "PA");
        identifier.SetUid(DicomTags.StudyInstanceUID, StudyA);
        identifier.SetUid(DicomTags.SeriesInstanceUID, StudyA + ".1");
        identifier.SetString(DicomTags.PatientName, "TEST^P*");
        identifier.SetString(DicomTags.SOPInstanceUID, "");

        var uids = new List<string>();
        await foreach (var match in Scu(_server).FindAsync(QueryModel.PatientRoot, QueryLevel.Image, identifier))
        {
            uids.Add(match.GetString(DicomTags.SOPInstanceUID));
        }

        uids.Should().BeEquivalentTo(_sources.Take(3).Select(s => s.GetUid(DicomTags.SOPInstanceUID)));
    }

    [Test]
    public async Task Cancel_after_the_first_match_ends_the_query_before_all_matches_with_status_Cancel()
    {
        // Small socket buffers (set before connect) make the SCP block in its sends long before the last
        // match, so the C-CANCEL-RQ is read while the query is still running.
        const int Count = 600;
        await using var server = await DicomServer.StartAsync(new DicomServerOptions
        {
            AeTitle = "QR", Storage = new MemoryInstanceStorage(), Connection = ConnectionOptions.Default with { SendBufferSize = 4096 },
        });
        var many = Enumerable.Range(1, Count).Select(i => (StoreItem)new DatasetStoreItem(ServerTestObjects.Image("PC", "1.2.826.0.1.3680043.10.1137.23", i, pixelBytes: 2))).ToList();
        (await Scu(server).StoreAsync(many)).AllSucceeded.Should().BeTrue();
        var identifier = new DicomDataset();
        identifier.SetString(DicomTags.PatientID, "PC");
        identifier.SetUid(DicomTags.StudyInstanceUID, "1.2.826.0.1.3680043.10.1137.23");
        identifier.SetUid(DicomTags.SeriesInstanceUID, "1.2.826.0.1.3680043.10.1137.23.1");
        identifier.SetString(DicomTags.SOPInstanceUID, "");
        var scu = new DicomScu(new DicomScuOptions
        {
            Host = "127.0.0.1", Port = server.Port, CalledAe = "QR", Connection = ConnectionOptions.Default with { ReceiveBufferSize = 4096 },
        });
        var query = await scu.StartFindAsync(QueryModel.PatientRoot, QueryLevel.Image, identifier);
        var seen = 0;
        await using (query)
        {
            await foreach (var _ in query.ReadAllAsync())
            {
                if (++seen == 1)
                {
                    await query.CancelAsync();
                }
            }
        }

        query.FinalStatus.ToString().Should().Be(DimseStatus.Cancel.ToString(), $"{seen} matches were read ({query.ErrorComment})");
        seen.Should().BeInRange(1, Count - 1);
    }

    [Test]
    public async Task Find_with_an_unknown_level_fails_with_identifier_does_not_match_SOP_class()
    {
        var result = await Scu(_server).FindAllAsync(QueryModel.StudyRoot, QueryLevel.Patient, new DicomDataset());

        result.Status.Should().Be(DimseStatus.IdentifierDoesNotMatchSopClass);
        result.Matches.Should().BeEmpty();
    }

    [Test]
    public async Task Move_sends_the_study_to_the_destination_with_counts_and_identical_data_sets()
    {
        var destinationStorage = new MemoryInstanceStorage();
        await using var destination = await DicomServer.StartAsync(new DicomServerOptions { AeTitle = "DEST", Storage = destinationStorage });
        await using var mover = await DicomServer.StartAsync(new DicomServerOptions
        {
            AeTitle = "MOVER",
            Storage = _storage,
            MoveDestinations = [new MoveDestination("DEST", "127.0.0.1", destination.Port)],
        });
        // The mover shares the storage but has its own index: fill it through C-STORE.
        (await Scu(mover, "MOVER").StoreAsync(_sources.Select(d => (StoreItem)new DatasetStoreItem(d)).ToList())).AllSucceeded.Should().BeTrue();
        var progress = new List<RetrieveProgress>();

        var result = await Scu(mover, "MOVER").MoveAsync(QueryModel.StudyRoot, QueryLevel.Study, WithStudy(new DicomDataset(), StudyA), "DEST",
            new SynchronousProgress<RetrieveProgress>(progress.Add));

        result.Status.Should().Be(DimseStatus.Success);
        result.Completed.Should().Be(3);
        result.Failed.Should().Be(0);
        progress.Select(p => p.Completed).Should().Equal(1, 2, 3);
        progress.Select(p => p.Remaining).Should().Equal(2, 1, 0);
        destination.StoredInstances.Should().Be(3);
        foreach (var source in _sources.Take(3))
        {
            await ShouldHoldIdenticalAsync(destinationStorage, source);
        }
    }

    [Test]
    public async Task Move_to_an_unknown_destination_fails_with_A801()
    {
        var result = await Scu(_server, "QR").MoveAsync(QueryModel.StudyRoot, QueryLevel.Study, WithStudy(new DicomDataset(), StudyA), "NOWHERE");

        result.Status.Should().Be(DimseStatus.MoveDestinationUnknown);
    }

    [Test]
    public async Task Move_to_a_destination_that_is_down_reports_every_instance_as_failed()
    {
        await using var mover = await DicomServer.StartAsync(new DicomServerOptions
        {
            AeTitle = "MOVER2",
            Storage = _storage,
            MoveDestinations = [new MoveDestination("DOWN", "127.0.0.1", 1)],
        });
        (await Scu(mover, "MOVER2").StoreAsync(_sources.Select(d => (StoreItem)new DatasetStoreItem(d)).ToList())).AllSucceeded.Should().BeTrue();

        var result = await Scu(mover, "MOVER2").MoveAsync(QueryModel.PatientRoot, QueryLevel.Patient, WithPatient("PB"), "DOWN");

        result.Status.Should().Be(DimseStatus.OutOfResourcesUnableToPerformSubOperations);
        result.Failed.Should().Be(2);
        result.FailedSopInstanceUids.Should().BeEquivalentTo(_sources.Skip(3).Select(s => s.GetUid(DicomTags.SOPInstanceUID)));
    }

    [Test]
    public async Task Get_brings_the_instances_back_on_the_same_association()
    {
        var received = new MemoryInstanceStorage();
        var progress = new List<RetrieveProgress>();

        var result = await Scu(_server, "QR").GetAsync(QueryModel.PatientRoot, QueryLevel.Patient, WithPatient("PB"), received,
            progress: new SynchronousProgress<RetrieveProgress>(progress.Add));

        result.Status.Should().Be(DimseStatus.Success);
        result.Completed.Should().Be(2);
        result.ReceivedLocations.Should().HaveCount(2);
        progress.Should().HaveCount(2);
        foreach (var source in _sources.Skip(3))
        {
            await ShouldHoldIdenticalAsync(received, source);
        }
    }

    private static async Task ShouldHoldIdenticalAsync(MemoryInstanceStorage storage, DicomDataset source)
    {
        await using var stream = storage.OpenRead("memory:" + source.GetUid(DicomTags.SOPInstanceUID));
        var header = DicomFile.ReadHeader(stream);
        header.TransferSyntax.Should().Be(DicomTransferSyntax.ExplicitVRLittleEndian);
        var bytes = new byte[stream.Length - header.DatasetOffset];
        await stream.ReadExactlyAsync(bytes);
        bytes.Should().Equal(DicomDatasetWriter.ToArray(source, DicomTransferSyntax.ExplicitVRLittleEndian));
    }

    private static DicomDataset WithStudy(DicomDataset identifier, string studyUid)
    {
        identifier.SetUid(DicomTags.StudyInstanceUID, studyUid);
        return identifier;
    }

    private static DicomDataset WithPatient(string patientId)
    {
        var identifier = new DicomDataset();
        identifier.SetString(DicomTags.PatientID, patientId);
        return identifier;
    }

    private static DicomScu Scu(DicomServer server, string calledAe = "QR") => DicomServerStorageTests.Scu(server, calledAe);

    private sealed class SynchronousProgress<T>(Action<T> report) : IProgress<T>
    {
        public void Report(T value) => report(value);
    }
}
