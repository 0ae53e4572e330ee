using Conformance.Dicom.Data;
using Conformance.Dicom.IO;
using Conformance.Dicom.Network.Association;
using Conformance.Dicom.Network.Association.Negotiation;
using Conformance.Dicom.Network.Dimse;
using Conformance.Dicom.Network.Services;
using Conformance.Dicom.Network.Services.Storage;
using Conformance.Dicom.Network.Transport;
using Conformance.Scp;
using Conformance.Scp.Storage;

namespace Conformance.Unit.Tests.Scp;

/// <summary>
/// A storage device that blocks (a slow disk) holds up its own instance only: the association's reader goes on reading
/// (a C-ECHO behind the C-STORE is answered, an A-ABORT is seen) while the data is still being written, and a device that
/// fails on its I/O thread yields a failure status with nothing stored. The 20 s waits only keep a broken build from
/// hanging; the assertions are on the order of events, never on elapsed time.
/// </summary>
public class SlowStorageTests
{
    private static readonly TimeSpan HangGuard = TimeSpan.FromSeconds(20);

    [Test]
    public async Task A_blocked_storage_write_does_not_keep_the_association_from_reading_the_next_request()
    {
        var memory = new MemoryInstanceStorage();
        using var storage = new BlockingStorage(memory);
        await using var server = await DicomServer.StartAsync(new DicomServerOptions { AeTitle = "SCP", Storage = storage });
        var association = await ConnectAsync(server);
        await using (association)
        {
            using var channel = new DimseChannel(association);
            using var opening = new OpenOnExit(storage);
            var store = await SendStoreAsync(channel, 1, "PSLOW", 512 * 1024);
            await storage.Blocked.WaitAsync(HangGuard);

            var echo = await channel.SendRequestAsync(1, new CEchoRequest { MessageId = 2 }, null, CancellationToken.None);
            var answered = echo.FinalAsync(CancellationToken.None).AsTask();

            // Recorded here, before the device opens, only if the answer came while it was blocked (a continuation on
            // the thread pool could run after Open() and misorder a correct run).
            if (await Task.WhenAny(answered, Task.Delay(HangGuard)) == answered)
            {
                storage.Record("echo answered");
            }

            storage.Open();

            (await answered).Response.Status.Should().Be(DimseStatus.Success);
            (await store.FinalAsync(CancellationToken.None)).Response.Status.Should().Be(DimseStatus.Success);
            storage.Events.Should().Equal(["write blocked", "echo answered", "device opened"], "the C-ECHO is read and answered while the storage device blocks");
            memory.Count.Should().Be(1);
            await association.ReleaseAsync(CancellationToken.None);
        }
    }

    [Test]
    public async Task An_abort_is_read_while_the_storage_write_blocks_and_the_partial_object_is_discarded()
    {
        var memory = new MemoryInstanceStorage();
        using var storage = new BlockingStorage(memory);
        var ended = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var endedOnce = 0;
        void Log(string line)
        {
            // Recorded before the test is woken, so the test's Open() cannot come first in a correct run.
            if (line.StartsWith("Association with", StringComparison.Ordinal) && Interlocked.Exchange(ref endedOnce, 1) == 0)
            {
                storage.Record("association ended");
                ended.TrySetResult();
            }
        }

        await using var server = await DicomServer.StartAsync(new DicomServerOptions { AeTitle = "SCP", Storage = storage, Log = Log });
        var association = await ConnectAsync(server);
        await using (association)
        {
            using var opening = new OpenOnExit(storage);
            var data = new DicomServerStorageTests.StallingMessageData(length: 2 << 20, stallAt: 1 << 20);
            var command = new CStoreRequest { MessageId = 1, AffectedSopClassUid = ServerTestObjects.SecondaryCapture, AffectedSopInstanceUid = "1.2.3.4.6" }.Encode();
            var sending = association.SendAsync(3, command, data, CancellationToken.None).AsTask();
            await data.Stalled.WaitAsync(HangGuard);
            await storage.Blocked.WaitAsync(HangGuard);

            await association.AbortAsync();
            await Task.WhenAny(ended.Task, Task.Delay(HangGuard));
            storage.Open();
            data.Release();
            await FluentActions.Awaiting(() => sending).Should().ThrowAsync<Exception>();
        }

        storage.Events.Should().Equal(["write blocked", "association ended", "device opened"], "the A-ABORT is read while the storage device blocks");
        await DicomServerStorageTests.Eventually(() => memory.Count == 0 && server.StoredInstances == 0, "nothing to be stored");
        (await server.Index.CountInstancesAsync(CancellationToken.None)).Should().Be(0);
    }

    [Test]
    public async Task A_storage_that_fails_on_its_io_thread_yields_a_failure_status_and_stores_nothing()
    {
        var memory = new MemoryInstanceStorage();
        using var storage = new BlockingStorage(memory, new InvalidOperationException("the device controller failed"));
        storage.Open();
        var log = new List<string>();
        await using var server = await DicomServer.StartAsync(new DicomServerOptions { AeTitle = "SCP", Storage = storage, Log = line => { lock (log) { log.Add(line); } } });
        var association = await ConnectAsync(server);
        await using (association)
        {
            using var channel = new DimseChannel(association);
            var store = await SendStoreAsync(channel, 1, "PFAIL", 1 << 20);
            var response = (await store.FinalAsync(CancellationToken.None).AsTask().WaitAsync(HangGuard)).Response;

            response.Status.Should().Be(DimseStatus.OutOfResources);
            response.ErrorComment.Should().Contain("failed");
            lock (log)
            {
                log.Should().Contain(line => line.Contains("the device controller failed", StringComparison.Ordinal), "the log names the device's failure");
            }

            var echo = await channel.SendRequestAsync(1, new CEchoRequest { MessageId = 2 }, null, CancellationToken.None);
            (await echo.FinalAsync(CancellationToken.None)).Response.Status.Should().Be(DimseStatus.Success, "the association goes on");
            await association.ReleaseAsync(CancellationToken.None);
        }

        memory.Count.Should().Be(0);
        (await server.Index.CountInstancesAsync(CancellationToken.None)).Should().Be(0);
    }

    /// <summary>Opens the device however the test ends, so a failing assertion never leaves a thread blocked.</summary>
    private sealed class OpenOnExit(BlockingStorage storage) : IDisposable
    {
        public void Dispose() => storage.Open();
    }

    private static Task<DicomAssociation> ConnectAsync(DicomServer server) => DicomAssociation.ConnectAsync(new AssociationRequest
    {
        CalledAe = "SCP", Host = "127.0.0.1", Port = server.Port, AsyncOperations = new AsyncOperationsWindow(2, 2),
        PresentationContexts =
        [
            new PresentationContextProposal(NegotiationUids.Verification, NegotiationUids.ExplicitVrLittleEndian),
            new PresentationContextProposal(ServerTestObjects.SecondaryCapture, NegotiationUids.ExplicitVrLittleEndian),
        ],
    }, ConnectionOptions.Default, CancellationToken.None);

    private static async Task<PendingRequest> SendStoreAsync(DimseChannel channel, ushort messageId, string patientId, int pixelBytes)
    {
        var image = ServerTestObjects.Image(patientId, "1.2.826.0.1.3680043.10.1137.95", messageId, pixelBytes);
        using var data = await new DatasetStoreItem(image).OpenAsync(DicomTransferSyntax.ExplicitVRLittleEndian.Uid, CancellationToken.None);
        return await channel.SendRequestAsync(3, new CStoreRequest
        {
            MessageId = messageId, AffectedSopClassUid = ServerTestObjects.SecondaryCapture, AffectedSopInstanceUid = image.GetUid(DicomTags.SOPInstanceUID),
        }, data.Data, CancellationToken.None).WaitAsync(HangGuard);
    }
}
