using System.Globalization;
using Conformance.Dicom.Data;
using Conformance.Dicom.IO;
using Conformance.Interop.Tests.Dimse.Infrastructure;

namespace Conformance.Interop.Tests.Dimse;

/// <summary>DCMTK findscu and getscu, GDCM gdcmscu --echo and --find -> our SCP.</summary>
public class FindGetEchoToOurScpTests : DimseInteropTest
{
    [Test]
    public async Task Findscu_gets_one_response_per_matching_study_with_the_requested_keys()
    {
        var first = await WriteStudyAsync("FINDA", 2, "a");
        var second = await WriteStudyAsync("FINDB", 1, "b");
        var (server, _) = await StartOurScpAsync("OURSCP");
        await PopulateAsync(server, "OURSCP", [.. first, .. second]);
        var responses = Temp.Sub("responses");

        var findscu = await RunToolAsync("findscu",
            "-S", "-aec", "OURSCP", "-X", "-od", responses,
            "-k", "QueryRetrieveLevel=STUDY", "-k", "PatientID=FIND*", "-k", "PatientName", "-k", "StudyInstanceUID", "-k", "StudyDate=20240101-20241231",
            "127.0.0.1", server.Port.ToString(CultureInfo.InvariantCulture));

        Assert.That(findscu.ExitCode, Is.Zero, findscu.Output);
        var matches = Directory.GetFiles(responses, "rsp*.dcm").Select(f => DicomFile.Open(f).Dataset).ToList();
        Assert.That(matches.Select(m => m.GetString(DicomTags.PatientID)), Is.EquivalentTo(new[] { "FINDA", "FINDB" }));
        var a = matches.Single(m => m.GetString(DicomTags.PatientID) == "FINDA");
        Assert.That(a.GetString(DicomTags.PatientName), Is.EqualTo("INTEROP^FINDA"));
        Assert.That(a.GetUid(DicomTags.StudyInstanceUID), Is.EqualTo(DicomFile.Open(first[0]).Dataset.GetUid(DicomTags.StudyInstanceUID)));
        Assert.That(a.GetString(DicomTags.QueryRetrieveLevel), Is.EqualTo("STUDY"));
    }

    [Test]
    public async Task Findscu_at_image_level_with_a_UID_list()
    {
        var sources = await WriteStudyAsync("UIDLIST", 3);
        var (server, _) = await StartOurScpAsync("OURSCP");
        await PopulateAsync(server, "OURSCP", sources);
        var uids = sources.Select(s => DicomFile.Open(s).Dataset.GetUid(DicomTags.SOPInstanceUID)).ToList();
        var responses = Temp.Sub("responses");

        var findscu = await RunToolAsync("findscu",
            "-P", "-aec", "OURSCP", "-X", "-od", responses,
            "-k", "QueryRetrieveLevel=IMAGE", "-k", "PatientID=UIDLIST",
            "-k", $"StudyInstanceUID={DicomFile.Open(sources[0]).Dataset.GetUid(DicomTags.StudyInstanceUID)}",
            "-k", $"SeriesInstanceUID={DicomFile.Open(sources[0]).Dataset.GetUid(DicomTags.SeriesInstanceUID)}",
            "-k", $"SOPInstanceUID={uids[0]}\\{uids[2]}",
            "127.0.0.1", server.Port.ToString(CultureInfo.InvariantCulture));

        Assert.That(findscu.ExitCode, Is.Zero, findscu.Output);
        var found = Directory.GetFiles(responses, "rsp*.dcm").Select(f => DicomFile.Open(f).Dataset.GetUid(DicomTags.SOPInstanceUID));
        Assert.That(found, Is.EquivalentTo(new[] { uids[0], uids[2] }));
    }

    [Test]
    public async Task Getscu_receives_the_study_on_the_same_association()
    {
        var sources = await WriteStudyAsync("GETSCU", 3);
        var (server, _) = await StartOurScpAsync("OURSCP");
        await PopulateAsync(server, "OURSCP", sources);
        var received = Temp.Sub("getscu");

        var getscu = await RunToolAsync("getscu",
            "-S", "-aec", "OURSCP", "-od", received,
            "-k", "QueryRetrieveLevel=STUDY", "-k", $"StudyInstanceUID={DicomFile.Open(sources[0]).Dataset.GetUid(DicomTags.StudyInstanceUID)}",
            "127.0.0.1", server.Port.ToString(CultureInfo.InvariantCulture));

        Assert.That(getscu.ExitCode, Is.Zero, getscu.Output);
        var identical = ReceivedFiles.AssertAllArrived(ReceivedFiles.ByUid(sources), Directory.GetFiles(received));
        Assert.That(identical, Is.EqualTo(3));
    }

    [Test]
    public async Task Gdcmscu_echo_gets_a_success_response()
    {
        var (server, _) = await StartOurScpAsync("OURSCP");

        var gdcm = await GdcmScu.RunAsync("-D", "--echo", "--aetitle", "GDCMSCU", "--call", "OURSCP", "127.0.0.1", server.Port.ToString(CultureInfo.InvariantCulture));

        // Its debug log shows the C-ECHO-RSP command: Command Field 0x8030 (32816) and Status 0.
        Assert.That(gdcm.Output, Does.Contain("(0000,0100) ?? (US) 32816"));
        Assert.That(gdcm.Output, Does.Contain("(0000,0900) ?? (US) 0 "));
    }

    [Test]
    public async Task Gdcmscu_find_gets_one_pending_response_per_match_and_a_final_success()
    {
        var sources = await WriteStudyAsync("GDCMFIND", 2);
        // As with --move: GDCM 3.0.21 stalls on a response whose command and identifier PDVs share a PDU
        // (the upper layer's default keeps them apart).
        var (server, _) = await StartOurScpAsync("OURSCP");
        await PopulateAsync(server, "OURSCP", sources);
        var port = server.Port.ToString(CultureInfo.InvariantCulture);

        // gdcmscu 3.0.21 prints its results only after the release, where it crashes (see GdcmScu): its debug
        // log of the response command sets is the evidence. It logs each command set twice.
        var match = await GdcmScu.RunAsync("-D", "--find", "--studyroot", "--study", "--aetitle", "GDCMSCU", "--call", "OURSCP",
            "--key", "0010,0020=GDCM*", "--key", "0020,000d=", "--key", "0010,0010=", "127.0.0.1", port);
        var none = await GdcmScu.RunAsync("-D", "--find", "--studyroot", "--study", "--aetitle", "GDCMSCU", "--call", "OURSCP",
            "--key", "0010,0020=NOBODY", "--key", "0020,000d=", "127.0.0.1", port);

        Assert.That(CountOf(match.Output, "(0000,0900) ?? (US) 65280 "), Is.EqualTo(2), "one pending response (one study)");
        Assert.That(CountOf(match.Output, "(0000,0900) ?? (US) 0 "), Is.EqualTo(2), "one final Success");
        Assert.That(CountOf(none.Output, "(0000,0900) ?? (US) 65280 "), Is.Zero);
        Assert.That(CountOf(none.Output, "(0000,0900) ?? (US) 0 "), Is.EqualTo(2));
    }

    private static int CountOf(string text, string part)
    {
        var count = 0;
        for (var i = text.IndexOf(part, StringComparison.Ordinal); i >= 0; i = text.IndexOf(part, i + part.Length, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }
}
