using Conformance.Harness.Matrix.Model;
using Conformance.Harness.Matrix.Running;
using Conformance.Harness.Matrix.Wire;
using Conformance.Harness.Peers;
using Conformance.Harness.Peers.Tools;
using Conformance.Harness.Sut;
using Conformance.Harness.Sut.External;

namespace Conformance.Harness.Matrix.Cells;

/// <summary>
/// An A-ASSOCIATE-RJ from dcmqrscp, the SUT as requestor: an unknown called AE title, or a calling AE title
/// the called AE does not admit. The SUT must report exactly the result, source and reason that were on the
/// wire (read by a <see cref="PduTap"/> between them).
/// </summary>
public sealed record RejectedByArchive(string CaseName, string CalledAe, string CallingAe) : CaseVariant(CaseName)
{
    public override async Task<CellVerdict> RunAsync(CellContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var archive = await CellKit.ScpPeerAsync(context, PeerTool.Dcmqrscp, cancellationToken).ConfigureAwait(false);
        var tap = CellKit.TapInFront(context, archive);
        var call = context.CallTo(archive, CalledAe, CallingAe) with { Host = "127.0.0.1", Port = tap.Port };
        var run = await context.Sut.Scu.EchoAsync(call, cancellationToken).ConfigureAwait(false);
        Expect.That(tap.Rejections.Count == 1, $"expected dcmqrscp to send one A-ASSOCIATE-RJ for called '{CalledAe}' calling '{CallingAe}', saw {tap.Rejections.Count}");
        var wire = tap.Rejections[0];
        Expect.That(run.Association == AssociationResult.Rejected && run.Rejection == wire, $"dcmqrscp rejected with {wire}; the SUT reported {run.Describe()}");
        return CellVerdict.Pass($"rejected ({wire}) and reported as sent");
    }
}

/// <summary>
/// An A-ASSOCIATE-RJ from the SUT's SCP as echoscu sees it: an unknown called AE title (PS3.8 table 9-21:
/// permanent, service user, reason 7), or a calling AE title it does not admit (reason 3; an admitted caller
/// is then accepted).
/// </summary>
public sealed record RejectedBySut(bool UnknownCalling) : CaseVariant(UnknownCalling ? "unknown-calling-ae" : "unknown-called-ae")
{
    public override async Task<CellVerdict> RunAsync(CellContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var toolbox = await CellKit.ToolboxAsync(context, PeerTool.EchoScu, cancellationToken).ConfigureAwait(false);
        var scp = await context.StartScpAsync(SutScpKind.Storage, cancellationToken,
            r => UnknownCalling ? r with { AllowedCallers = [new SutPeer("ECHOSCU", toolbox.AddressForPeers, 0)] } : r).ConfigureAwait(false);
        var host = context.AddressForPeers(scp);
        var calledAe = UnknownCalling ? scp.AeTitle : "NOSUCHAE";
        var rejected = await CellKit.RunAsync(context, toolbox, ScuCommands.EchoScu(host, scp.Port, calledAe, UnknownCalling ? "STRANGER" : "ECHOSCU"), cancellationToken).ConfigureAwait(false);
        var seen = new DcmtkLogParser().Parse("c-echo", rejected.ToProcessResult());
        var expected = new Rejection(1, 1, UnknownCalling ? 3 : 7);
        Expect.That(seen.Rejection == expected, $"echoscu should see {expected}; it saw {(seen.Rejection?.ToString() ?? "no rejection")}: {CellKit.Tail(rejected.Output)}");
        if (UnknownCalling)
        {
            var admitted = await CellKit.RunAsync(context, toolbox, ScuCommands.EchoScu(host, scp.Port, scp.AeTitle, "ECHOSCU"), cancellationToken).ConfigureAwait(false);
            Expect.That(admitted.Succeeded, $"the admitted caller ECHOSCU was not served: {CellKit.Tail(admitted.Output)}");
        }

        return CellVerdict.Pass($"echoscu saw {expected}");
    }
}

/// <summary>
/// No acceptable presentation context: the SUT asks storescp (no query/retrieve) for C-FIND; it must report
/// that, and send nothing on a context that was not accepted.
/// </summary>
public sealed record NoContextAtPeer() : CaseVariant("no-acceptable-context.find")
{
    public override async Task<CellVerdict> RunAsync(CellContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var storescp = await CellKit.ScpPeerAsync(context, PeerTool.StoreScp, cancellationToken).ConfigureAwait(false);
        var tap = CellKit.TapInFront(context, storescp);
        var call = context.CallTo(storescp) with { Host = "127.0.0.1", Port = tap.Port };
        var run = await context.Sut.Scu.FindAsync(call, QueryCases.StudyWildcard.Spec(context.Corpus.Query), cancellationToken).ConfigureAwait(false);
        Expect.That(run.Association == AssociationResult.NoAcceptedContext, $"storescp accepts no C-FIND context; the SUT reported {run.Describe()}");
        Expect.That(tap.Violations().Count == 0 && tap.LargestDataTransfer(fromRequestor: true) == 0,
            $"the SUT sent data although no context was accepted: {string.Join("; ", tap.Violations())}");
        return CellVerdict.Pass($"reported: {run.Error}; nothing sent");
    }
}

/// <summary>No acceptable presentation context at the SUT: findscu -W asks for Modality Worklist, which the SUT's SCP does not offer.</summary>
public sealed record NoContextAtSut() : CaseVariant("no-acceptable-context.worklist")
{
    public const string WorklistFind = "1.2.840.10008.5.1.4.31";

    public override async Task<CellVerdict> RunAsync(CellContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var scp = await context.StartScpAsync(SutScpKind.QueryRetrieve, cancellationToken).ConfigureAwait(false);
        var toolbox = await CellKit.ToolboxAsync(context, PeerTool.FindScu, cancellationToken).ConfigureAwait(false);
        var tap = CellKit.TapInFront(context, scp);
        var result = await CellKit.RunAsync(context, toolbox, new ToolCommand("findscu",
            ["-v", "-W", "-aet", "FINDSCU", "-aec", scp.AeTitle, "-k", "PatientName=", context.Topology.OurAddressForPeers, CellKit.Port(tap.Port)], new Dictionary<string, string>()), cancellationToken).ConfigureAwait(false);
        var accept = tap.Associate(1, fromRequestor: false);
        var proposed = tap.Associate(1, fromRequestor: true)?.AbstractSyntaxes.Where(p => p.Value == WorklistFind).Select(p => p.Key).ToList() ?? [];
        Expect.That(accept is not null && proposed.Count > 0, $"findscu did not get to propose Modality Worklist FIND: {CellKit.Tail(result.Output)}");
        var results = proposed.Select(id => accept!.Results.TryGetValue(id, out var r) ? r.Result : (byte)0xFF).ToList();
        Expect.That(results.All(r => r is 1 or 2 or 3 or 4), $"the SUT accepted Modality Worklist FIND ({WorklistFind}) although it does not offer it (results {string.Join(", ", results)})");
        Expect.That(!result.Succeeded || result.Output.Contains("No Acceptable Presentation Contexts", StringComparison.OrdinalIgnoreCase),
            $"findscu went ahead: {CellKit.Tail(result.Output)}");
        return CellVerdict.Pass($"the SUT rejected the worklist context (result {results[0]}); findscu reported no acceptable context");
    }
}
