using System.Globalization;
using Conformance.Dicom.Data;
using Conformance.Dicom.IO;
using Conformance.Interop.Tests.Dimse.Infrastructure;

namespace Conformance.Interop.Tests.Dimse;

/// <summary>
/// What storescu, getscu and movescu see when an instance is stored twice, or its file is gone: the SCP keeps file and
/// index together, and a retrieve with a failed sub-operation still ends cleanly (final response, then A-RELEASE).
/// </summary>
public class RetrieveAfterStoreFailuresTests : DimseInteropTest
{
    [Test]
    public async Task An_instance_stored_again_without_Study_Instance_UID_replaces_file_and_index_row_together()
    {
        var original = Path.Combine(Temp.Sub("source"), "ct.dcm");
        File.Copy(await PydicomTestFiles.FileAsync("CT_small.dcm"), original);
        var withoutStudy = Path.Combine(Temp.Sub("again"), "ct-without-study.dcm");
        File.Copy(original, withoutStudy);
        var modify = await RunToolAsync("dcmodify", "-nb", "-ea", "(0020,000d)", withoutStudy);
        Assert.That(modify.ExitCode, Is.Zero, modify.Output);
        var (server, _) = await StartOurScpAsync("OURSCP");
        var port = server.Port.ToString(CultureInfo.InvariantCulture);

        var first = await RunToolAsync("storescu", "-v", "-aec", "OURSCP", "127.0.0.1", port, original);
        var second = await RunToolAsync("storescu", "-v", "-aec", "OURSCP", "127.0.0.1", port, withoutStudy);
        var received = Temp.Sub("getscu");
        var getscu = await RunToolAsync("getscu", "-v", "-P", "-aec", "OURSCP", "-od", received,
            "-k", "QueryRetrieveLevel=PATIENT", "-k", "PatientID=1CT1", "127.0.0.1", port);

        Assert.That(first.Output, Does.Contain("Received Store Response (Success)"), first.Output);
        Assert.That(second.Output, Does.Match(@"Received Store Response \((Success|Warning)"), "stored (at most a warning), never refused:\n" + second.Output);
        Assert.That(getscu.ExitCode, Is.Zero, getscu.Output);
        Assert.That(getscu.Output, Does.Not.Contain("Release Failed"), getscu.Output);
        var files = Directory.GetFiles(received);
        Assert.That(files, Has.Length.EqualTo(1), "one instance for the patient:\n" + getscu.Output);
        Assert.That(DicomFile.Open(files[0]).Dataset.Contains(DicomTags.StudyInstanceUID), Is.False, "the second store replaced the first (docs/scp.md)");
        // storescu re-encodes what it sends (group lengths), so elements are compared, not bytes.
        ReceivedFiles.AssertSame(withoutStudy, files[0], requireIdenticalBytesWhenSameSyntax: false);
    }

    [Test]
    public async Task Getscu_after_a_sub_operation_failed_for_a_missing_file_gets_the_rest_and_stumbles_only_on_the_identifier_it_does_not_read()
    {
        var sources = await WriteStudyAsync("GETGONE", 3);
        var (server, directory) = await StartOurScpAsync("OURSCP");
        await PopulateAsync(server, "OURSCP", sources);
        var gone = DicomFile.Open(sources[1]).Dataset.GetUid(DicomTags.SOPInstanceUID);
        File.Delete(DicomFilesIn(directory).Single(f => Path.GetFileName(f).StartsWith(gone, StringComparison.Ordinal)));
        var received = Temp.Sub("getscu");

        var getscu = await RunToolAsync("getscu", "-v", "-S", "-aec", "OURSCP", "-od", received,
            "-k", "QueryRetrieveLevel=STUDY", "-k", $"StudyInstanceUID={DicomFile.Open(sources[0]).Dataset.GetUid(DicomTags.StudyInstanceUID)}",
            "127.0.0.1", server.Port.ToString(CultureInfo.InvariantCulture));

        Assert.That(getscu.Output, Does.Contain("Number of Failed Suboperations    : 1"), getscu.Output);
        Assert.That(getscu.Output, Does.Contain("Number of Completed Suboperations : 2"), getscu.Output);

        // The final C-GET-RSP carries the Failed SOP Instance UID List (PS3.4 C.4.3.1.4); getscu never reads a C-GET-RSP
        // data set, so its release trips over it: the catalogued peer defect getscu-ignores-get-response-identifier.
        // Should a getscu read it one day, this fails and the catalogue entry goes.
        Assert.That(getscu.Output, Does.Contain("P-Data PDU arrived").IgnoreCase, getscu.Output);
        ReceivedFiles.AssertAllArrived(ReceivedFiles.ByUid(sources.Where((_, i) => i != 1)), Directory.GetFiles(received));
    }

    [Test]
    public async Task Movescu_after_a_sub_operation_failed_for_a_missing_file_reads_the_failed_instance_list_and_releases_cleanly()
    {
        var sources = await WriteStudyAsync("MOVEGONE", 3);
        var incomingPort = Support.FreePort.Get();
        var (server, directory) = await StartOurScpAsync("OURSCP", new Conformance.Scp.MoveDestination("MOVESCU", "127.0.0.1", incomingPort));
        await PopulateAsync(server, "OURSCP", sources);
        var gone = DicomFile.Open(sources[2]).Dataset.GetUid(DicomTags.SOPInstanceUID);
        File.Delete(DicomFilesIn(directory).Single(f => Path.GetFileName(f).StartsWith(gone, StringComparison.Ordinal)));
        var received = Temp.Sub("movescu");

        var movescu = await RunToolAsync("movescu", "-v", "-S", "-aet", "MOVESCU", "-aec", "OURSCP", "-aem", "MOVESCU",
            "+P", incomingPort.ToString(CultureInfo.InvariantCulture), "-dhl", "-od", received,
            "-k", "QueryRetrieveLevel=STUDY", "-k", $"StudyInstanceUID={DicomFile.Open(sources[0]).Dataset.GetUid(DicomTags.StudyInstanceUID)}",
            "127.0.0.1", server.Port.ToString(CultureInfo.InvariantCulture));

        Assert.That(movescu.ExitCode, Is.EqualTo(68), "movescu's EXITCODE_CMOVE_WARNING: the final status is B000\n" + movescu.Output);
        Assert.That(movescu.Output, Does.Contain("Received Final Move Response (Warning: SubOperationsCompleteOneOrMoreFailures)"), movescu.Output);
        Assert.That(movescu.Output, Does.Not.Contain("Release Failed").And.Not.Contain("Aborting"), movescu.Output);
        ReceivedFiles.AssertAllArrived(ReceivedFiles.ByUid(sources.Take(2)), Directory.GetFiles(received));
    }
}
