using System.Collections.Concurrent;
using Conformance.Dicom.Data;
using Conformance.Dicom.Network.Dimse;
using Conformance.Dicom.Network.Services.Storage;
using Conformance.Dicom.Network.Transport;
using Conformance.Dicom.Query;
using Conformance.Scp;
using Conformance.Scp.Storage;
using Conformance.Unit.Tests.Dicom.Network.Transport;

namespace Conformance.Unit.Tests.Scp;

/// <summary>
/// A C-MOVE destination that opens its port only after the C-MOVE-RQ (gdcmscu 3.0 does, docs/matrix.md
/// gdcm-move-listens-late) still gets every sub-operation: our SCP tries the refused connection again
/// (<see cref="DicomServerOptions.MoveDestinationRetryDelays"/>). One that never listens fails the sub-operations.
/// </summary>
public class MoveDestinationListensLateTests
{
    private const string Study = "1.2.826.0.1.3680043.10.1137.81";

    private static DicomDataset StudyIdentifier()
    {
        var identifier = new DicomDataset();
        identifier.SetUid(DicomTags.StudyInstanceUID, Study);
        return identifier;
    }

    private static async Task<DicomServer> MoverAsync(int destinationPort, IReadOnlyList<TimeSpan> retryDelays, Action<string> log)
    {
        var mover = await DicomServer.StartAsync(new DicomServerOptions
        {
            AeTitle = "MOVER",
            Storage = new MemoryInstanceStorage(),
            MoveDestinations = [new MoveDestination("DEST", "127.0.0.1", destinationPort)],
            MoveDestinationRetryDelays = retryDelays,
            Connection = ConnectionOptions.Default with { Log = log },
        });
        var images = Enumerable.Range(1, 3).Select(i => (StoreItem)new DatasetStoreItem(ServerTestObjects.Image("PLATE", Study, i))).ToList();
        (await DicomServerStorageTests.Scu(mover, "MOVER").StoreAsync(images)).AllSucceeded.Should().BeTrue();
        return mover;
    }

    [Test]
    public async Task A_destination_that_listens_after_the_first_refusal_receives_every_sub_operation()
    {
        var port = RefusedConnectRetryTests.ClosedPort();
        var destinationStorage = new MemoryInstanceStorage();
        var refusals = new ConcurrentQueue<string>();
        Task<DicomServer>? destination = null;
        await using var mover = await MoverAsync(port, [TimeSpan.FromMilliseconds(200), TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(4)], line =>
        {
            if (!line.Contains("refused the connection", StringComparison.Ordinal))
            {
                return;
            }

            refusals.Enqueue(line);
            destination ??= DicomServer.StartAsync(new DicomServerOptions { AeTitle = "DEST", Port = port, Storage = destinationStorage });
        });
        try
        {
            var result = await DicomServerStorageTests.Scu(mover, "MOVER").MoveAsync(QueryModel.StudyRoot, QueryLevel.Study, StudyIdentifier(), "DEST");

            result.Status.Should().Be(DimseStatus.Success, result.ErrorComment);
            (result.Completed, result.Failed).Should().Be((3, 0));
            destinationStorage.Count.Should().Be(3);
            refusals.Should().NotBeEmpty().And.AllSatisfy(line => line.Should().StartWith($"127.0.0.1:{port} refused the connection"));
        }
        finally
        {
            if (destination is not null)
            {
                await (await destination).DisposeAsync();
            }
        }
    }

    [Test]
    public async Task A_destination_that_never_listens_fails_the_sub_operations_after_every_pause()
    {
        var port = RefusedConnectRetryTests.ClosedPort();
        var refusals = new ConcurrentQueue<string>();
        await using var mover = await MoverAsync(port, [TimeSpan.FromMilliseconds(10), TimeSpan.FromMilliseconds(20)], line =>
        {
            if (line.Contains("refused the connection", StringComparison.Ordinal))
            {
                refusals.Enqueue(line);
            }
        });

        var result = await DicomServerStorageTests.Scu(mover, "MOVER").MoveAsync(QueryModel.StudyRoot, QueryLevel.Study, StudyIdentifier(), "DEST");

        result.Status.Should().Be(DimseStatus.OutOfResourcesUnableToPerformSubOperations);
        (result.Completed, result.Failed).Should().Be((0, 3));
        result.ErrorComment.Should().Contain($"Cannot connect to DEST at 127.0.0.1:{port}");
        refusals.Should().HaveCount(2, "two pauses: three attempts");
    }
}
