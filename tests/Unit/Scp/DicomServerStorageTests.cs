using Conformance.Scp.Storage;
using Conformance.Dicom.Data;
using Conformance.Dicom.IO;
using Conformance.Dicom.Network.Association;
using Conformance.Dicom.Network.Association.Negotiation;
using Conformance.Dicom.Network.Dimse;
using Conformance.Dicom.Network.Services.Scu;
using Conformance.Dicom.Network.Services.Storage;
using Conformance.Dicom.Network.Transport;
using Conformance.Dicom.Query;
using Conformance.Scp;

namespace Conformance.Unit.Tests.Scp;

/// <summary>Storage semantics of the SCP, driven through real loopback associations.</summary>
public class DicomServerStorageTests
{
    private string _root = null!;

    [SetUp]
    public void CreateRoot() => _root = Path.Combine(Path.GetTempPath(), $"scp-{Guid.NewGuid():N}");

    [TearDown]
    public void RemoveRoot()
    {
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }

    [Test]
    public async Task Stored_objects_are_on_disk_and_indexed_when_Success_arrives_and_their_data_set_bytes_are_identical()
    {
        await using var server = await DicomServer.StartAsync(new DicomServerOptions { AeTitle = "SCP", Storage = new DiskInstanceStorage(_root) });
        var datasets = Enumerable.Range(1, 3).Select(i => ServerTestObjects.Image("P1", "1.2.826.0.1.3680043.10.1137.7", i)).ToList();
        var checkedOnSuccess = new List<string>();
        var progress = new SynchronousProgress<StoreOutcome>(outcome =>
        {
            // At the moment Success is seen, the file is complete under its final name.
            File.Exists(Path.Combine(_root, outcome.SopInstanceUid + ".dcm")).Should().BeTrue();
            checkedOnSuccess.Add(outcome.SopInstanceUid);
        });

        var result = await Scu(server).StoreAsync(datasets.Select(d => (StoreItem)new DatasetStoreItem(d)).ToList(), progress);

        result.AllSucceeded.Should().BeTrue(string.Join("; ", result.Outcomes.Select(o => o.Error)));
        checkedOnSuccess.Should().HaveCount(3);
        (await server.Index.CountInstancesAsync(CancellationToken.None)).Should().Be(3);
        foreach (var dataset in datasets)
        {
            var file = DicomFile.Open(Path.Combine(_root, dataset.GetUid(DicomTags.SOPInstanceUID) + ".dcm"));
            file.TransferSyntax.Should().Be(DicomTransferSyntax.ExplicitVRLittleEndian);
            var stored = await File.ReadAllBytesAsync(file.SourcePath!);
            stored.AsSpan((int)file.DatasetRegion!.Offset).ToArray()
                .Should().Equal(DicomDatasetWriter.ToArray(dataset, DicomTransferSyntax.ExplicitVRLittleEndian));
        }

        Directory.GetFiles(Path.Combine(_root, ".incoming")).Should().BeEmpty();
    }

    [Test]
    public async Task Stored_files_name_the_calling_AE_as_their_source_and_carry_our_implementation_identity()
    {
        await using var server = await DicomServer.StartAsync(new DicomServerOptions { AeTitle = "SCP", Storage = new DiskInstanceStorage(_root) });
        var dataset = ServerTestObjects.Image("P1", "1.2.826.0.1.3680043.10.1137.9", 1);
        var scu = new DicomScu(new DicomScuOptions { Host = "127.0.0.1", Port = server.Port, CalledAe = "SCP", CallingAe = "MODALITY7" });

        var result = await scu.StoreAsync([new DatasetStoreItem(dataset)]);

        result.AllSucceeded.Should().BeTrue(string.Join("; ", result.Outcomes.Select(o => o.Error)));
        var meta = DicomFile.Open(Path.Combine(_root, dataset.GetUid(DicomTags.SOPInstanceUID) + ".dcm")).FileMetaInformation;
        meta.GetString(DicomTags.SourceApplicationEntityTitle).Should().Be("MODALITY7");
        meta.GetUid(DicomTags.MediaStorageSOPInstanceUID).Should().Be(dataset.GetUid(DicomTags.SOPInstanceUID));
        meta.GetUid(DicomTags.ImplementationClassUID).Should().Be(Conformance.Dicom.DicomImplementation.ClassUid);
    }

    [Test]
    public async Task Success_waits_until_the_file_is_complete_and_the_index_row_committed()
    {
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var storage = new GatedStorage(new DiskInstanceStorage(_root), gate.Task);
        await using var server = await DicomServer.StartAsync(new DicomServerOptions { AeTitle = "SCP", Storage = storage });
        var dataset = ServerTestObjects.Image("P1", "1.2.826.0.1.3680043.10.1137.8", 1);

        var store = Scu(server).StoreAsync([new DatasetStoreItem(dataset)]);
        await storage.CompletionRequested;
        await Task.Delay(300);

        store.IsCompleted.Should().BeFalse("no response may leave before the file is complete");
        (await server.Index.CountInstancesAsync(CancellationToken.None)).Should().Be(0);
        gate.SetResult();
        var result = await store;

        result.AllSucceeded.Should().BeTrue();
        (await server.Index.CountInstancesAsync(CancellationToken.None)).Should().Be(1);
    }

    [Test]
    public async Task An_association_aborted_in_the_middle_of_a_data_set_leaves_no_file_and_no_index_row()
    {
        await using var server = await DicomServer.StartAsync(new DicomServerOptions { AeTitle = "SCP", Storage = new DiskInstanceStorage(_root) });
        var request = new AssociationRequest
        {
            CalledAe = "SCP",
            Host = "127.0.0.1",
            Port = server.Port,
            PresentationContexts = [new PresentationContextProposal(ServerTestObjects.SecondaryCapture, NegotiationUids.ExplicitVrLittleEndian)],
        };
        var association = await DicomAssociation.ConnectAsync(request, ConnectionOptions.Default, CancellationToken.None);
        await using (association)
        {
            var data = new StallingMessageData(length: 4 << 20, stallAt: 1 << 20);
            var command = new CStoreRequest { MessageId = 1, AffectedSopClassUid = ServerTestObjects.SecondaryCapture, AffectedSopInstanceUid = "1.2.3.4.5" }.Encode();
            var sending = association.SendAsync(1, command, data, CancellationToken.None).AsTask();
            await data.Stalled;
            await Eventually(() => Directory.GetFiles(Path.Combine(_root, ".incoming")).Length == 1, "the SCP to start writing the data set");

            await association.AbortAsync();
            data.Release();
            await FluentActions.Awaiting(() => sending).Should().ThrowAsync<Exception>();
        }

        await Eventually(() => server.ListenerCounters.ToString() is not null && Directory.GetFiles(_root, "*", SearchOption.AllDirectories).Length == 0, "the SCP to drop the partial file");
        (await server.Index.CountInstancesAsync(CancellationToken.None)).Should().Be(0);
        server.StoredInstances.Should().Be(0);
    }

    [Test]
    public async Task Objects_of_more_than_128_SOP_classes_go_over_further_associations()
    {
        var privateClasses = Enumerable.Range(1, 130).Select(i => "1.2.826.0.1.3680043.10.1137.99." + i.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToList();
        await using var server = await DicomServer.StartAsync(new DicomServerOptions
        {
            AeTitle = "SCP", Storage = new MemoryInstanceStorage(), PrivateStorageSopClasses = privateClasses,
        });
        var items = Enumerable.Range(1, 130).Select(i =>
        {
            var ds = ServerTestObjects.Image("P1", "1.2.826.0.1.3680043.10.1137.9", i, pixelBytes: 16);
            ds.SetUid(DicomTags.SOPClassUID, privateClasses[i - 1]);
            return (StoreItem)new DatasetStoreItem(ds);
        }).ToList();

        var result = await Scu(server).StoreAsync(items);

        result.AllSucceeded.Should().BeTrue(string.Join("; ", result.Outcomes.Where(o => !o.Succeeded).Select(o => o.Error)));
        result.Statistics.Associations.Should().Be(2);
        server.StoredInstances.Should().Be(130);
        result.Outcomes.Select(o => o.SopInstanceUid).Should().Equal(items.Select(i => i.SopInstanceUid), "outcomes are reported in input order");
    }

    [Test]
    public async Task Echo_succeeds_and_reports_a_round_trip_and_PDU_counts()
    {
        await using var server = await DicomServer.StartAsync(new DicomServerOptions { AeTitle = "SCP", Storage = new MemoryInstanceStorage() });

        var result = await Scu(server).EchoAsync();

        result.Status.Should().Be(DimseStatus.Success);
        result.RoundTrip.Should().BePositive();
        result.Statistics.PdusSent.Should().BeGreaterThanOrEqualTo(3, "A-ASSOCIATE-RQ, P-DATA-TF, A-RELEASE-RQ");
    }

    internal static DicomScu Scu(DicomServer server, string calledAe = "SCP") =>
        new(new DicomScuOptions { Host = "127.0.0.1", Port = server.Port, CalledAe = calledAe });

    internal static async Task Eventually(Func<bool> condition, string what)
    {
        // Bounds the wait for the other side, not our code's speed: generous on a shared 2-core box.
        for (var i = 0; i < 400 && !condition(); i++)
        {
            await Task.Delay(50);
        }

        condition().Should().BeTrue($"we waited 20 s for {what}");
    }

    private sealed class SynchronousProgress<T>(Action<T> report) : IProgress<T>
    {
        public void Report(T value) => report(value);
    }

    /// <summary>Sends <c>stallAt</c> bytes, then waits until released (the test aborts meanwhile).</summary>
    internal sealed class StallingMessageData(long length, long stallAt) : IMessageData
    {
        private readonly TaskCompletionSource _stalled = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly TaskCompletionSource _release = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public long Length => length;

        public Task Stalled => _stalled.Task;

        public void Release() => _release.TrySetResult();

        public async ValueTask ReadAsync(long offset, Memory<byte> destination, CancellationToken ct)
        {
            if (offset + destination.Length > stallAt)
            {
                _stalled.TrySetResult();
                await _release.Task.WaitAsync(ct);
                throw new IOException("stopped by the test");
            }

            destination.Span.Fill(0x20);
        }
    }

    /// <summary>Holds every instance's completion until the gate opens.</summary>
    private sealed class GatedStorage(IInstanceStorage inner, Task gate) : IInstanceStorage
    {
        private readonly TaskCompletionSource _requested = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Task CompletionRequested => _requested.Task;

        public string Description => "gated " + inner.Description;

        public bool CanRead => inner.CanRead;

        public async ValueTask<IncomingInstance> BeginAsync(string sopInstanceUid, CancellationToken cancellationToken) =>
            new Gated(await inner.BeginAsync(sopInstanceUid, cancellationToken), gate, _requested);

        public Stream OpenRead(string location) => inner.OpenRead(location);

        private sealed class Gated(IncomingInstance inner, Task gate, TaskCompletionSource requested) : IncomingInstance
        {
            public override ValueTask WriteAsync(ReadOnlyMemory<byte> data, CancellationToken cancellationToken) => inner.WriteAsync(data, cancellationToken);

            public override async ValueTask<string> CompleteAsync(bool durable, CancellationToken cancellationToken)
            {
                requested.TrySetResult();
                await gate.WaitAsync(cancellationToken);
                return await inner.CompleteAsync(durable, cancellationToken);
            }

            public override void Commit() => inner.Commit();

            public override void Revert() => inner.Revert();

            public override ValueTask DisposeAsync() => inner.DisposeAsync();
        }
    }
}
