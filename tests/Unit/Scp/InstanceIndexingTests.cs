using Conformance.Scp.Storage;
using Conformance.Dicom.Data;
using Conformance.Dicom.IO;
using Conformance.Dicom.Network.Dimse;
using Conformance.Dicom.Network.Services.Storage;
using Conformance.Dicom.Query;
using Conformance.Scp;

namespace Conformance.Unit.Tests.Scp;

/// <summary>Index rows come from the data set prefix kept while receiving, not from reading the stored file again.</summary>
public class InstanceIndexingTests
{
    private const string Study = "1.2.826.0.1.3680043.10.1137.60";

    // Other syntaxes and nested sequences are covered by DatasetPrefixCollectorTests (the SCP prefers explicit VR LE).
    [Test]
    public async Task Stored_instances_are_indexed_without_reading_them_back()
    {
        var syntaxUid = DicomTransferSyntax.ExplicitVRLittleEndian.Uid;
        var storage = new ReadCountingStorage(new MemoryInstanceStorage());
        await using var server = await DicomServer.StartAsync(new DicomServerOptions { AeTitle = "SCP", Storage = storage });
        var syntax = DicomTransferSyntax.Lookup(syntaxUid);
        var items = Enumerable.Range(1, 3)
            .Select(i => (StoreItem)new DatasetStoreItem(ServerTestObjects.Image("PX", Study, i, pixelBytes: 64 * 1024), syntax))
            .ToList();

        var stored = await DicomServerStorageTests.Scu(server).StoreAsync(items);

        stored.AllSucceeded.Should().BeTrue(string.Join("; ", stored.Outcomes.Select(o => o.Error)));
        stored.Outcomes.Should().OnlyContain(o => o.TransferSyntaxSent == syntaxUid);
        storage.Reads.Should().Be(0, "the index row is made from the bytes already received");
        var identifier = new DicomDataset();
        identifier.SetString(DicomTags.PatientID, "PX");
        identifier.SetString(DicomTags.StudyInstanceUID, Study);
        identifier.SetString(DicomTags.SeriesInstanceUID, Study + ".1");
        identifier.SetString(DicomTags.SOPInstanceUID, "");
        identifier.SetString(DicomTags.InstanceNumber, "");
        var found = await DicomServerStorageTests.Scu(server).FindAllAsync(QueryModel.PatientRoot, QueryLevel.Image, identifier);
        found.Status.Should().Be(DimseStatus.Success);
        found.Matches.Select(m => m.GetString(DicomTags.InstanceNumber)).Should().BeEquivalentTo(["1", "2", "3"]);
    }

    [Test]
    public async Task A_deflated_instance_is_indexed_from_the_stored_file()
    {
        var storage = new ReadCountingStorage(new MemoryInstanceStorage());
        await using var server = await DicomServer.StartAsync(new DicomServerOptions { AeTitle = "SCP", Storage = storage });
        var item = new DatasetStoreItem(ServerTestObjects.Image("PD", Study, 7), DicomTransferSyntax.DeflatedExplicitVRLittleEndian);

        var stored = await DicomServerStorageTests.Scu(server).StoreAsync([item]);

        stored.AllSucceeded.Should().BeTrue(string.Join("; ", stored.Outcomes.Select(o => o.Error)));
        stored.Outcomes.Single().TransferSyntaxSent.Should().Be(DicomTransferSyntax.DeflatedExplicitVRLittleEndian.Uid);
        storage.Reads.Should().Be(1);
        (await server.Index.CountInstancesAsync(CancellationToken.None)).Should().Be(1);
    }

    private sealed class ReadCountingStorage(IInstanceStorage inner) : IInstanceStorage
    {
        private int _reads;

        public int Reads => Volatile.Read(ref _reads);

        public string Description => inner.Description;

        public bool CanRead => inner.CanRead;

        public ValueTask<IncomingInstance> BeginAsync(string sopInstanceUid, CancellationToken cancellationToken) => inner.BeginAsync(sopInstanceUid, cancellationToken);

        public Stream OpenRead(string location)
        {
            Interlocked.Increment(ref _reads);
            return inner.OpenRead(location);
        }
    }
}
