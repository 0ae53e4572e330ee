using Conformance.Harness.Matrix.Cells;
using Conformance.Harness.Matrix.Model;
using Conformance.Harness.Matrix.Stage;
using Conformance.Harness.Peers;
using Conformance.Harness.Sut.External;

namespace Conformance.Harness.Matrix.Catalog;

/// <summary>
/// The interop matrix as data: every cell (service, the SUT's role, peer, variant) on every selected topology
/// for every selected SUT, plus the reference pair of each topology. docs/matrix.md lists the cells and counts.
/// </summary>
public static class MatrixCatalog
{
    /// <summary>Every cell, before topologies and SUTs.</summary>
    public static IEnumerable<CellSpec> Cells() =>
        TransferCells.Echo()
            .Concat(TransferCells.Store())
            .Concat(QueryRetrieveCells.Find())
            .Concat(QueryRetrieveCells.Move())
            .Concat(QueryRetrieveCells.Get())
            .Concat(ProtocolCells.Negotiation())
            .Concat(ProtocolCells.Fault());

    /// <summary>The cases of a selection, in a stable order (by topology, then as the cells are listed).</summary>
    public static IReadOnlyList<MatrixCase> Cases(MatrixSelection selection)
    {
        ArgumentNullException.ThrowIfNull(selection);
        var cases = new List<MatrixCase>();
        foreach (var topology in selection.Topologies)
        {
            if (selection.IncludeReference)
            {
                cases.Add(new MatrixCase(Services.Store, SutRoles.Scu, DcmtkSutConfig.SutName, PeerTool.StoreScp, topology, new ReferenceStore(ReferencePair.StoreKey)));
                cases.Add(new MatrixCase(Services.Store, SutRoles.Scp, DcmtkSutConfig.SutName, PeerTool.StoreScu, topology, new ReferenceStore(ReferencePair.ScpStoreKey)));
            }

            foreach (var sut in selection.Suts)
            {
                cases.AddRange(Cells()
                    .Where(c => selection.Services is null || selection.Services.Contains(c.Service))
                    .Where(c => selection.PeerFamilies is null || (c.Peer.Family is { } family && selection.PeerFamilies.Contains(family.Name)))
                    .Select(c => new MatrixCase(c.Service, c.SutRole, sut, c.Peer, topology, c.Variant)));
            }
        }

        var unique = cases.Where(c => selection.Takes(c.Id)).DistinctBy(c => c.Id).ToList();
        if (!selection.Quick)
        {
            return unique;
        }

        // The first case of each (topology, SUT, service, peer tool), and the timed series: without them the quick
        // run would measure the reference pair and judge nothing against it.
        var first = unique.GroupBy(c => (c.Topology.Name, c.Sut, c.Service, c.Peer.Name)).Select(g => g.First().Id).ToHashSet(StringComparer.Ordinal);
        return unique.Where(c => first.Contains(c.Id) || c.Variant.Timed).ToList();
    }
}
