using System.Globalization;
using System.Text.RegularExpressions;
using Conformance.Interop.Tests.Dimse.Infrastructure;

namespace Conformance.Interop.Tests.Dimse;

/// <summary>What our SCP accepts, seen by DCMTK's tools: no worklist (it is no worklist SCP); every storage class storescu proposes.</summary>
public class NegotiationWithOurScpTests : DimseInteropTest
{
    [Test]
    public async Task Findscu_for_the_modality_worklist_finds_no_acceptable_presentation_context()
    {
        var (server, _) = await StartOurScpAsync("OURSCP");

        var findscu = await RunToolAsync("findscu", "-W", "-aec", "OURSCP", "-k", "PatientName=", "127.0.0.1", server.Port.ToString(CultureInfo.InvariantCulture));

        Assert.That(findscu.Output, Does.Contain("No Acceptable Presentation Contexts"), findscu.Output);
    }

    [Test]
    public async Task Storescu_proposing_its_whole_storage_list_gets_each_context_accepted()
    {
        var sources = await WriteStudyAsync("NEGOTIATE", 1);
        var (server, _) = await StartOurScpAsync("OURSCP");

        // Without -R storescu proposes every storage SOP class it knows (and retired ones): each is a registry class.
        var storescu = await RunToolAsync("storescu", ["-d", "-aec", "OURSCP", "127.0.0.1", server.Port.ToString(CultureInfo.InvariantCulture), .. sources]);

        Assert.That(storescu.ExitCode, Is.Zero, storescu.Output);
        var proposed = Regex.Count(storescu.Output, @"Context ID:\s+\d+ \(Proposed\)");
        var accepted = Regex.Count(storescu.Output, @"Context ID:\s+\d+ \(Accepted\)");
        Assert.That(proposed, Is.GreaterThan(100), storescu.Output);
        Assert.That(accepted, Is.EqualTo(proposed), "every storage class storescu proposes is one our SCP accepts");
    }
}
