using System.Globalization;
using Conformance.Dicom.Data;
using Conformance.Dicom.IO;
using Conformance.Dicom.Network.Dimse;
using Conformance.Dicom.Query;
using Conformance.Interop.Tests.Dimse.Infrastructure;
using Conformance.Interop.Tests.Support;

namespace Conformance.Interop.Tests.Dimse;

/// <summary>Our SCU stores into DCMTK dcmqrscp, then asks it with C-MOVE to send the study to our SCP.</summary>
public class OurMoveToDcmqrscpTests : DimseInteropTest
{
    [Test]
    public async Task Dcmqrscp_moves_the_study_to_our_SCP_with_counts_and_identical_objects()
    {
        var sources = await WriteStudyAsync("DCMQRSCP", 3);
        var (ourScp, ourDirectory) = await StartOurScpAsync("OURSCP");
        var qrPort = FreePort.Get();
        var config = WriteConfig(Temp.Sub("dcmqrscp-db"), ourScp.Port, qrPort);
        // Default fork mode (one child per association), host lookups off; never -s.
        var dcmqrscp = StartTool("dcmqrscp", "-dhl", "-c", config, qrPort.ToString(CultureInfo.InvariantCulture));
        await dcmqrscp.WaitForListeningAsync(qrPort, ToolLimit, CancellationToken.None);
        var scu = OurScu(qrPort, "QRSCP");
        var stored = await scu.StoreFilesAsync(sources);
        Assert.That(stored.AllSucceeded, Is.True, string.Join("; ", stored.Outcomes.Select(o => $"{o.Status} {o.Error}")) + dcmqrscp.OutputSoFar);
        var identifier = new DicomDataset();
        identifier.SetUid(DicomTags.StudyInstanceUID, DicomFile.Open(sources[0]).Dataset.GetUid(DicomTags.StudyInstanceUID));
        var progress = new List<Conformance.Dicom.Network.Services.Scu.RetrieveProgress>();

        var result = await scu.MoveAsync(QueryModel.StudyRoot, QueryLevel.Study, identifier, "OURSCP", new SynchronousProgress(progress.Add));

        Assert.That(result.Status, Is.EqualTo(DimseStatus.Success), $"{result.Status} {result.ErrorComment}\n{dcmqrscp.OutputSoFar}");
        Assert.That(result.Completed, Is.EqualTo(3));
        Assert.That(result.Failed, Is.Zero);
        Assert.That(result.FailedSopInstanceUids, Is.Empty);
        TestContext.Progress.WriteLine($"dcmqrscp sent {result.PendingResponses} pending responses; move took {result.Elapsed.TotalMilliseconds:0.0} ms");
        var identical = ReceivedFiles.AssertAllArrived(ReceivedFiles.ByUid(sources), DicomFilesIn(ourDirectory));
        TestContext.Progress.WriteLine($"{identical} of {sources.Count} byte-identical after dcmqrscp");
        Assert.That(ourScp.StoredInstances, Is.EqualTo(3));
    }

    [Test]
    public async Task A_move_of_nothing_ends_with_Success_and_zero_counts()
    {
        var (ourScp, _) = await StartOurScpAsync("OURSCP");
        var qrPort = FreePort.Get();
        var config = WriteConfig(Temp.Sub("dcmqrscp-db"), ourScp.Port, qrPort);
        var dcmqrscp = StartTool("dcmqrscp", "-dhl", "-c", config, qrPort.ToString(CultureInfo.InvariantCulture));
        await dcmqrscp.WaitForListeningAsync(qrPort, ToolLimit, CancellationToken.None);
        var identifier = new DicomDataset();
        identifier.SetUid(DicomTags.StudyInstanceUID, "1.2.3.999");

        var result = await OurScu(qrPort, "QRSCP").MoveAsync(QueryModel.StudyRoot, QueryLevel.Study, identifier, "OURSCP");

        Assert.That(result.Status.IsSuccess, Is.True, result.Status.ToString());
        Assert.That(result.Completed, Is.Zero);
    }

    private string WriteConfig(string database, int ourPort, int qrPort)
    {
        var path = Path.Combine(Temp.Path, "dcmqrscp.cfg");
        File.WriteAllText(path, string.Create(CultureInfo.InvariantCulture, $"""
            NetworkTCPPort  = {qrPort}
            MaxPDUSize      = 16384
            MaxAssociations = 16

            HostTable BEGIN
            ourscp = (OURSCP, 127.0.0.1, {ourPort})
            HostTable END

            VendorTable BEGIN
            VendorTable END

            AETable BEGIN
            QRSCP {database} RW (200, 1024mb) ANY
            AETable END

            """));
        return path;
    }

    private sealed class SynchronousProgress(Action<Conformance.Dicom.Network.Services.Scu.RetrieveProgress> report)
        : IProgress<Conformance.Dicom.Network.Services.Scu.RetrieveProgress>
    {
        public void Report(Conformance.Dicom.Network.Services.Scu.RetrieveProgress value) => report(value);
    }
}
