using System.Globalization;
using Conformance.Dicom.Data;
using Conformance.Dicom.IO;
using Conformance.Interop.Tests.Dimse.Infrastructure;

namespace Conformance.Interop.Tests.Dimse;

/// <summary>findscu and movescu against our SCP: character sets of C-FIND responses, and the hierarchical key rules.</summary>
public class QueryRulesWithDcmtkTests : DimseInteropTest
{
    private const string GreekName = "Γιάννης^Παπαδόπουλος";

    [Test]
    public async Task Findscu_gets_a_stored_UTF_8_name_back_intact_with_ISO_IR_192()
    {
        var source = await WriteStudyAsync("GREEK", 1);
        var file = DicomFile.Open(source[0]);
        file.Dataset.SetString(DicomTags.SpecificCharacterSet, "ISO_IR 192");
        file.Dataset.SetString(DicomTags.PatientName, GreekName);
        var greek = Path.Combine(Temp.Sub("greek"), "greek.dcm");
        file.Save(greek);
        var (server, _) = await StartOurScpAsync("OURSCP");
        var port = server.Port.ToString(CultureInfo.InvariantCulture);
        var storescu = await RunToolAsync("storescu", "-aec", "OURSCP", "127.0.0.1", port, greek);
        Assert.That(storescu.ExitCode, Is.Zero, storescu.Output);
        var responses = Temp.Sub("responses");

        var findscu = await RunToolAsync("findscu", "-P", "-aec", "OURSCP", "-X", "-od", responses,
            "-k", "QueryRetrieveLevel=PATIENT", "-k", "PatientID=GREEK", "-k", "PatientName", "127.0.0.1", port);

        Assert.That(findscu.ExitCode, Is.Zero, findscu.Output);
        var match = DicomFile.Open(Directory.GetFiles(responses, "rsp*.dcm").Single()).Dataset;
        Assert.That(match.GetString(DicomTags.SpecificCharacterSet), Is.EqualTo("ISO_IR 192"));
        Assert.That(match.GetString(DicomTags.PatientName), Is.EqualTo(GreekName));
    }

    [Test]
    public async Task Movescu_at_study_level_without_a_Study_Instance_UID_is_refused_and_nothing_moves()
    {
        var sources = await WriteStudyAsync("NOUNIQUE", 2);
        var incomingPort = Support.FreePort.Get();
        var (server, _) = await StartOurScpAsync("OURSCP", new Conformance.Scp.MoveDestination("MOVESCU", "127.0.0.1", incomingPort));
        await PopulateAsync(server, "OURSCP", sources);
        var received = Temp.Sub("movescu");

        var movescu = await RunToolAsync("movescu", "-v", "-P", "-aet", "MOVESCU", "-aec", "OURSCP", "-aem", "MOVESCU",
            "+P", incomingPort.ToString(CultureInfo.InvariantCulture), "-dhl", "-od", received,
            "-k", "QueryRetrieveLevel=STUDY", "-k", "PatientID=NOUNIQUE", "127.0.0.1", server.Port.ToString(CultureInfo.InvariantCulture));

        Assert.That(movescu.Output, Does.Contain("Received Final Move Response (Error: DataSetDoesNotMatchSOPClass)"), "DCMTK names A900 so:\n" + movescu.Output);
        Assert.That(Directory.GetFiles(received), Is.Empty, "a retrieve without the unique key of its level moves nothing");
    }

    [Test]
    public async Task Findscu_relational_query_without_negotiation_is_refused_A900()
    {
        var sources = await WriteStudyAsync("RELATIONAL", 1);
        var (server, _) = await StartOurScpAsync("OURSCP");
        await PopulateAsync(server, "OURSCP", sources);

        var findscu = await RunToolAsync("findscu", "-v", "-S", "-aec", "OURSCP",
            "-k", "QueryRetrieveLevel=SERIES", "-k", "Modality=OT", "-k", "SeriesInstanceUID", "127.0.0.1", server.Port.ToString(CultureInfo.InvariantCulture));

        Assert.That(findscu.Output, Does.Contain("Received Final Find Response (Error: DataSetDoesNotMatchSOPClass)"), findscu.Output);
        Assert.That(findscu.Output, Does.Not.Contain("Find Response: 1 (Pending)"), findscu.Output);
    }
}
