using Conformance.Scp;
using Conformance.Interop.Tests.Dimse.Infrastructure;
using Conformance.Interop.Tests.Support;

namespace Conformance.Interop.Tests.Dimse;

/// <summary>
/// DCMTK movescu with its own storage SCP (the 2016 scenario: C-STORE sub-operations back to the
/// mover) and GDCM gdcmscu --move -> our SCP.
/// </summary>
public class MoveScuToOurScpTests : DimseInteropTest
{
    [Test]
    public async Task Movescu_receives_the_study_through_its_own_storage_SCP()
    {
        var sources = await WriteStudyAsync("MOVESCU", 4);
        var incomingPort = FreePort.Get();
        var (server, _) = await StartOurScpAsync("OURSCP", new MoveDestination("MOVESCU", "127.0.0.1", incomingPort));
        await PopulateAsync(server, "OURSCP", sources);
        var received = Temp.Sub("movescu");
        var studyUid = Conformance.Dicom.IO.DicomFile.Open(sources[0]).Dataset.GetUid(Conformance.Dicom.Data.DicomTags.StudyInstanceUID);

        var movescu = await RunToolAsync("movescu",
            "-v", "-S", "-aet", "MOVESCU", "-aec", "OURSCP", "-aem", "MOVESCU", "+P", incomingPort.ToString(), "-dhl", "-od", received,
            "-k", "QueryRetrieveLevel=STUDY", "-k", $"StudyInstanceUID={studyUid}", "127.0.0.1", server.Port.ToString());

        Assert.That(movescu.ExitCode, Is.Zero, movescu.Output);
        var identical = ReceivedFiles.AssertAllArrived(ReceivedFiles.ByUid(sources), Directory.GetFiles(received));
        Assert.That(identical, Is.EqualTo(4), "stored as sent, so byte-identical");
        Assert.That(movescu.Output, Does.Contain("Received Final Move Response (Success)"), movescu.Output);
    }

    [Test]
    public async Task Movescu_to_an_unknown_destination_is_refused_with_A801()
    {
        var sources = await WriteStudyAsync("UNKNOWN", 1);
        var (server, _) = await StartOurScpAsync("OURSCP");
        await PopulateAsync(server, "OURSCP", sources);

        var movescu = await RunToolAsync("movescu",
            "-v", "-S", "-aet", "MOVESCU", "-aec", "OURSCP", "-aem", "NOWHERE",
            "-k", "QueryRetrieveLevel=STUDY", "-k", "StudyInstanceUID=1.2.3", "127.0.0.1", server.Port.ToString());

        Assert.That(movescu.Output, Does.Contain("Received Final Move Response (Refused: MoveDestinationUnknown)"), movescu.Output);
    }

    [Test]
    public async Task Movescu_whose_destination_never_listens_gets_a_failure_after_every_retry()
    {
        var sources = await WriteStudyAsync("NOLISTEN", 2);
        var closedPort = FreePort.Get();
        var log = new System.Collections.Concurrent.ConcurrentQueue<string>();
        var (server, _) = await StartOurScpAsync("OURSCP", options => options with
        {
            MoveDestinations = [new MoveDestination("MOVESCU", "127.0.0.1", closedPort)],
            Connection = options.Connection with { Log = log.Enqueue },
            Log = log.Enqueue,
        });
        await PopulateAsync(server, "OURSCP", sources);
        var studyUid = Conformance.Dicom.IO.DicomFile.Open(sources[0]).Dataset.GetUid(Conformance.Dicom.Data.DicomTags.StudyInstanceUID);

        // movescu opens no storage port (no +P): every connection to the destination is refused.
        var movescu = await RunToolAsync("movescu",
            "-v", "-S", "-aet", "MOVESCU", "-aec", "OURSCP", "-aem", "MOVESCU",
            "-k", "QueryRetrieveLevel=STUDY", "-k", $"StudyInstanceUID={studyUid}", "127.0.0.1", server.Port.ToString());

        Assert.That(movescu.Output, Does.Contain("Received Final Move Response (Refused: OutOfResourcesSubOperations)"), "0xA702: " + movescu.Output);
        Assert.That(log.Count(l => l.Contains($"127.0.0.1:{closedPort} refused the connection", StringComparison.Ordinal)), Is.EqualTo(5),
            "five pauses, six attempts: " + string.Join(" | ", log));
        Assert.That(await server.Index.CountInstancesAsync(CancellationToken.None), Is.EqualTo(2), "the source keeps its instances");
    }

    [Test]
    public async Task Gdcmscu_move_receives_the_study_through_its_own_storage_SCP()
    {
        var sources = await WriteStudyAsync("GDCMMOVE", 2);
        var incomingPort = FreePort.Get();
        // GDCM 3.0.21's storage SCP inside gdcmscu --move stalls when the C-STORE-RQ command PDV and data PDVs
        // share one P-DATA-TF; the upper layer's default sends the command set in a PDU of its own.
        var (server, _) = await StartOurScpAsync("OURSCP", new MoveDestination("GDCMSCU", "127.0.0.1", incomingPort));
        await PopulateAsync(server, "OURSCP", sources);
        var received = Temp.Sub("gdcmscu");
        var studyUid = Conformance.Dicom.IO.DicomFile.Open(sources[0]).Dataset.GetUid(Conformance.Dicom.Data.DicomTags.StudyInstanceUID);

        await GdcmScu.RunAsync("--move", "--studyroot", "--study", "--aetitle", "GDCMSCU", "--call", "OURSCP", "--port-scp", incomingPort.ToString(),
            "-o", received, "--key", $"0020,000d={studyUid}", "127.0.0.1", server.Port.ToString());

        var identical = ReceivedFiles.AssertAllArrived(ReceivedFiles.ByUid(sources), Directory.GetFiles(received, "*", SearchOption.AllDirectories));
        TestContext.Progress.WriteLine($"gdcmscu move: {identical} of {sources.Count} byte-identical");
    }
}
