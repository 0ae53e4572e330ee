using Conformance.Interop.Tests.Dimse.Infrastructure;
using Conformance.Interop.Tests.Support;

namespace Conformance.Interop.Tests.Dimse;

/// <summary>Our SCU -> DCMTK storescp.</summary>
public class OurScuToStoreScpTests : DimseInteropTest
{
    [Test]
    public async Task Our_store_arrives_at_storescp_element_by_element_and_byte_identical()
    {
        var sources = await WriteStudyAsync("OURSCU", 3);
        var received = Temp.Sub("storescp");
        var port = FreePort.Get();
        var storescp = StartTool("storescp", "-dhl", "-aet", "STORESCP", "-od", received, port.ToString());
        await storescp.WaitForListeningAsync(port, ToolLimit, CancellationToken.None);

        var result = await OurScu(port, "STORESCP").StoreFilesAsync(sources);

        Assert.That(result.AllSucceeded, Is.True, string.Join("; ", result.Outcomes.Select(o => $"{o.Status} {o.Error}")));
        Assert.That(result.Outcomes.All(o => !o.Transcoded), Is.True);
        Assert.That(result.Statistics.Associations, Is.EqualTo(1));
        var identical = ReceivedFiles.AssertAllArrived(ReceivedFiles.ByUid(sources), Directory.GetFiles(received));
        Assert.That(identical, Is.EqualTo(3));
    }

    [Test]
    public async Task Our_store_transcodes_to_implicit_VR_when_storescp_accepts_only_that()
    {
        var sources = await WriteStudyAsync("TRANSCODE", 2);
        var received = Temp.Sub("storescp");
        var port = FreePort.Get();
        var storescp = StartTool("storescp", "-dhl", "+xi", "-aet", "STORESCP", "-od", received, port.ToString());
        await storescp.WaitForListeningAsync(port, ToolLimit, CancellationToken.None);

        var result = await OurScu(port, "STORESCP").StoreFilesAsync(sources);

        Assert.That(result.AllSucceeded, Is.True, string.Join("; ", result.Outcomes.Select(o => $"{o.Status} {o.Error}")));
        Assert.That(result.Outcomes.All(o => o.Transcoded && o.TransferSyntaxSent == "1.2.840.10008.1.2"), Is.True);
        ReceivedFiles.AssertAllArrived(ReceivedFiles.ByUid(sources), Directory.GetFiles(received));
    }
}
