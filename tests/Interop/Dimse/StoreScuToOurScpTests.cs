using Conformance.Interop.Tests.Dimse.Infrastructure;

namespace Conformance.Interop.Tests.Dimse;

/// <summary>DCMTK storescu and GDCM gdcmscu --store -> our SCP.</summary>
public class StoreScuToOurScpTests : DimseInteropTest
{
    [Test]
    public async Task Storescu_objects_arrive_element_by_element_and_byte_identical()
    {
        var sources = await WriteStudyAsync("STORESCU", 3);
        var (server, directory) = await StartOurScpAsync("OURSCP");

        var storescu = await RunToolAsync("storescu", ["-aet", "STORESCU", "-aec", "OURSCP", "127.0.0.1", server.Port.ToString(), .. sources]);

        Assert.That(storescu.ExitCode, Is.Zero, storescu.Output);
        var identical = ReceivedFiles.AssertAllArrived(ReceivedFiles.ByUid(sources), DicomFilesIn(directory));
        Assert.That(identical, Is.EqualTo(3), "nothing was transcoded, so the data set bytes are identical");
        Assert.That(await server.Index.CountInstancesAsync(CancellationToken.None), Is.EqualTo(3));
    }

    [Test]
    public async Task Storescu_in_implicit_VR_is_stored_as_received()
    {
        var sources = await WriteStudyAsync("IMPLICIT", 2);
        var (server, directory) = await StartOurScpAsync("OURSCP");

        // -xi: storescu proposes implicit VR little endian only and converts the explicit files itself.
        var storescu = await RunToolAsync("storescu", ["-xi", "-aec", "OURSCP", "127.0.0.1", server.Port.ToString(), .. sources]);

        Assert.That(storescu.ExitCode, Is.Zero, storescu.Output);
        var identical = ReceivedFiles.AssertAllArrived(ReceivedFiles.ByUid(sources), DicomFilesIn(directory));
        Assert.That(identical, Is.Zero, "the sender transcoded, so only elements are compared");
        Assert.That(Conformance.Dicom.IO.DicomFile.Open(DicomFilesIn(directory)[0]).TransferSyntax.Uid, Is.EqualTo("1.2.840.10008.1.2"));
    }

    [Test]
    public async Task Gdcmscu_store_objects_arrive_element_by_element()
    {
        var sources = await WriteStudyAsync("GDCMSTORE", 2);
        var (server, directory) = await StartOurScpAsync("OURSCP");

        await GdcmScu.RunAsync("--store", "--aetitle", "GDCMSCU", "--call", "OURSCP", "-r", "-i", Path.GetDirectoryName(sources[0])!, "127.0.0.1", server.Port.ToString());

        var identical = ReceivedFiles.AssertAllArrived(ReceivedFiles.ByUid(sources), DicomFilesIn(directory));
        TestContext.Progress.WriteLine($"gdcmscu store: {identical} of {sources.Count} byte-identical");
    }
}
