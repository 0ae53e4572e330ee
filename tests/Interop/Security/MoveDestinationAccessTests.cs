using System.Globalization;
using Conformance.Dicom.Data;
using Conformance.Dicom.IO;
using Conformance.Interop.Tests.Dimse;
using Conformance.Interop.Tests.Dimse.Infrastructure;
using Conformance.Interop.Tests.Support;
using Conformance.Scp;

namespace Conformance.Interop.Tests.Security;

/// <summary>
/// C-MOVE only to configured destinations (issue 10, access control), with DCMTK movescu and storescp: the
/// objects go to the address configured for the destination AE, never to whoever asked (even when the requester
/// calls itself by that AE title and listens itself), and a destination not configured is refused with 0xA801
/// (PS3.4 C.4.2.1.5, "Refused: Move Destination unknown") before anything is sent anywhere.
/// </summary>
public class MoveDestinationAccessTests : DimseInteropTest
{
    private const string OurAe = "MOVESCP";
    private const string Destination = "ARCHIVE";

    [Test]
    public async Task A_move_goes_to_the_configured_address_not_to_the_requester()
    {
        // The requester claims the destination's AE title and listens itself: the configured address still wins.
        var (movescu, sources, archive, requester) = await MoveAsync(requesterAe: Destination);

        Assert.That(movescu.Output, Does.Contain("Received Final Move Response (Success)"), movescu.Output);
        Assert.That(ReceivedFiles.AssertAllArrived(ReceivedFiles.ByUid(sources), Directory.GetFiles(archive)), Is.EqualTo(sources.Count));
        Assert.That(Directory.GetFiles(requester), Is.Empty, "nothing went to the requester's own listener");
    }

    [Test]
    public async Task A_move_to_an_unconfigured_destination_is_refused_with_A801_and_nothing_is_sent()
    {
        // The requester names itself as the destination and listens for the objects: not configured, so refused.
        var (movescu, _, archive, requester) = await MoveAsync(requesterAe: "INTRUDER");

        Assert.That(movescu.Output, Does.Contain("Received Final Move Response (Refused: MoveDestinationUnknown)"), movescu.Output);
        Assert.That(Directory.GetFiles(requester), Is.Empty, "nothing sent to the requester");
        Assert.That(Directory.GetFiles(archive), Is.Empty, "nothing sent to the configured destination either");
    }

    /// <summary>
    /// Our SCP holding a 2-object study, with <see cref="Destination"/> configured at a storescp; movescu calling
    /// itself <paramref name="requesterAe"/>, listening itself (+P), asks to move the study to <paramref name="requesterAe"/>.
    /// </summary>
    private async Task<(HostProcessResult Movescu, IReadOnlyList<string> Sources, string Archive, string Requester)> MoveAsync(string requesterAe)
    {
        var sources = await WriteStudyAsync("MOVEACCESS", 2);
        var studyUid = DicomFile.Open(sources[0]).Dataset.GetUid(DicomTags.StudyInstanceUID);
        var (archivePort, archive) = await StartStorescpAsync("archive");
        var (server, _) = await StartOurScpAsync(OurAe, new MoveDestination(Destination, "127.0.0.1", archivePort));
        await PopulateAsync(server, OurAe, sources);
        var requester = Temp.Sub("requester");

        var movescu = await RunToolAsync("movescu",
            "-v", "-S", "-aet", requesterAe, "-aec", OurAe, "-aem", requesterAe, "+P", FreePort.Get().ToString(CultureInfo.InvariantCulture), "-od", requester,
            "-k", "QueryRetrieveLevel=STUDY", "-k", $"StudyInstanceUID={studyUid}", "127.0.0.1", server.Port.ToString(CultureInfo.InvariantCulture));
        return (movescu, sources, archive, requester);
    }

    private async Task<(int Port, string Received)> StartStorescpAsync(string name)
    {
        var received = Temp.Sub(name);
        var port = FreePort.Get();
        var storescp = StartTool("storescp", "-aet", Destination, "-od", received, port.ToString(CultureInfo.InvariantCulture));
        await storescp.WaitForListeningAsync(port, ToolLimit, CancellationToken.None);
        return (port, received);
    }
}
