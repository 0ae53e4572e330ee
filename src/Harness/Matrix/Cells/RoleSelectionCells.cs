using Conformance.Harness.Matrix.Model;
using Conformance.Harness.Matrix.Running;
using Conformance.Harness.Matrix.Wire;
using Conformance.Harness.Peers;
using Conformance.Harness.Peers.Tools;
using Conformance.Harness.Sut.External;

namespace Conformance.Harness.Matrix.Cells;

/// <summary>
/// SCP/SCU role selection for C-GET (PS3.4 C.4.3, PS3.7 D.3.3.4): the C-GET SCU proposes the storage SOP class
/// with the SCP role, the acceptor grants it in the A-ASSOCIATE-AC (read by a tap), and the objects arrive.
/// As SCP the SUT answers getscu; as SCU it retrieves from dcmqrscp.
/// </summary>
public sealed record RoleSelection(bool SutIsScp) : CaseVariant("role-selection.get")
{
    private const string MrImage = "1.2.840.10008.5.1.4.1.1.4";

    public override async Task<CellVerdict> RunAsync(CellContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var scenario = RetrieveScenario.Study();
        var got = context.Folder("got");
        PduTap tap;
        if (SutIsScp)
        {
            var scp = await CellKit.LoadedScpAsync(context, scenario, cancellationToken).ConfigureAwait(false);
            var toolbox = await CellKit.ToolboxAsync(context, PeerTool.GetScu, cancellationToken).ConfigureAwait(false);
            tap = CellKit.TapInFront(context, scp);
            var result = await CellKit.RunAsync(context, toolbox, new ToolCommand("getscu",
                ["-v", "+B", "-S", "-aet", "GETSCU", "-aec", scp.AeTitle, "-od", context.InContainer(got), .. Retrieves.Keys(context, scenario),
                 context.Topology.OurAddressForPeers, CellKit.Port(tap.Port)], new Dictionary<string, string>()), cancellationToken).ConfigureAwait(false);
            Expect.That(result.Succeeded, $"getscu: {CellKit.Tail(result.Output)}");
        }
        else
        {
            var archive = await CellKit.ScpPeerAsync(context, PeerTool.Dcmqrscp, cancellationToken).ConfigureAwait(false);
            tap = CellKit.TapInFront(context, archive);
            var run = await context.Sut.Scu.GetAsync(context.CallTo(archive) with { Host = "127.0.0.1", Port = tap.Port }, scenario.Spec(context.Corpus.Query), got, cancellationToken).ConfigureAwait(false);
            Expect.Status(0x0000, run.FinalStatus, $"C-GET through the tap: {run.Describe()}");
        }

        var proposed = tap.Associate(1, fromRequestor: true)?.Roles.FirstOrDefault(r => r.SopClassUid == MrImage);
        var granted = tap.Associate(1, fromRequestor: false)?.Roles.FirstOrDefault(r => r.SopClassUid == MrImage);
        Expect.That(proposed is { Scp: true }, $"the C-GET SCU did not propose the SCP role for MR Image Storage ({proposed})");
        Expect.That(granted is { Scp: true }, $"the acceptor did not grant the SCP role for MR Image Storage in its A-ASSOCIATE-AC ({granted?.ToString() ?? "no role selection item"})");
        var identical = ObjectCheck.SameObjects(scenario.Objects(context.Corpus.Query), StoredFileIndex.ByInstanceUid(got), "the C-GET SCU", ObjectCheck.AnySyntax);
        return CellVerdict.Pass($"SCP role proposed and granted; {identical} object(s) byte for byte");
    }
}
