using Conformance.Harness.Matrix.Cells;
using Conformance.Harness.Matrix.Model;
using Conformance.Harness.Matrix.Stage;
using Conformance.Harness.Peers;
using Conformance.Harness.Sut;

namespace Conformance.Harness.Matrix.Catalog;

/// <summary>The negotiation and fault cells.</summary>
public static class ProtocolCells
{
    public static readonly uint[] PduLimits = [4096, 16384, 131072];

    public static IEnumerable<CellSpec> Negotiation()
    {
        yield return new(Services.Negotiation, SutRoles.Scu, PeerTool.Dcmqrscp, new RejectedByArchive("unknown-called-ae", "NOSUCHAE", "SUTSCU"));
        yield return new(Services.Negotiation, SutRoles.Scu, PeerTool.Dcmqrscp, new RejectedByArchive("unknown-calling-ae", TopologyStage.RestrictedQrScpAe, "STRANGER"));
        yield return new(Services.Negotiation, SutRoles.Scp, PeerTool.EchoScu, new RejectedBySut(UnknownCalling: false));
        yield return new(Services.Negotiation, SutRoles.Scp, PeerTool.EchoScu, new RejectedBySut(UnknownCalling: true));
        yield return new(Services.Negotiation, SutRoles.Scu, PeerTool.StoreScp, new NoContextAtPeer());
        yield return new(Services.Negotiation, SutRoles.Scp, PeerTool.FindScu, new NoContextAtSut());
        yield return new(Services.Negotiation, SutRoles.Scu, PeerTool.Dcmqrscp, new RoleSelection(SutIsScp: false));
        yield return new(Services.Negotiation, SutRoles.Scp, PeerTool.GetScu, new RoleSelection(SutIsScp: true));
        foreach (var limit in PduLimits)
        {
            yield return new(Services.Negotiation, SutRoles.Scu, PeerTool.StoreScp, new MaxPdu(limit, SutIsScp: false));
            yield return new(Services.Negotiation, SutRoles.Scp, PeerTool.StoreScu, new MaxPdu(limit, SutIsScp: true));
        }

        yield return new(Services.Negotiation, SutRoles.Scu, PeerTool.OurScp, new MaxPdu(0, SutIsScp: false));
    }

    public static IEnumerable<CellSpec> Fault()
    {
        yield return new(Services.Fault, SutRoles.Scu, PeerTool.StoreScp, new FaultAtStoreScp("abort-during", StoreScpSetup.Fault("--abort-during"), AssociationResult.Aborted));
        yield return new(Services.Fault, SutRoles.Scu, PeerTool.StoreScp, new FaultAtStoreScp("abort-after", StoreScpSetup.Fault("--abort-after"), AssociationResult.Aborted));
        var sleep = FaultAtStoreScp.PeerSleepSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        yield return new(Services.Fault, SutRoles.Scu, PeerTool.StoreScp, new FaultAtStoreScp("sleep-during", StoreScpSetup.Fault("--sleep-during", sleep), AssociationResult.TimedOut));
        yield return new(Services.Fault, SutRoles.Scu, PeerTool.StoreScp, new FaultAtStoreScp("refuse", StoreScpSetup.Fault("--refuse"), AssociationResult.Rejected));
        yield return new(Services.Fault, SutRoles.Scp, PeerTool.StoreScu, new InterruptedStore("killed-mid-dataset", PeerTool.StoreScu));
        yield return new(Services.Fault, SutRoles.Scp, PeerTool.RawPeer, new InterruptedStore("abort-mid-dataset", PeerTool.RawPeer, Abort: true));
        yield return new(Services.Fault, SutRoles.Scp, PeerTool.RawPeer, new InterruptedStore("close-mid-dataset", PeerTool.RawPeer, Abort: false));
    }
}
