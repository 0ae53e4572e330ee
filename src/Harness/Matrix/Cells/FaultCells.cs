using Conformance.Dicom.Data;
using Conformance.Dicom.IO;
using Conformance.Harness.Matrix.Corpus;
using Conformance.Harness.Matrix.Model;
using Conformance.Harness.Matrix.Running;
using Conformance.Harness.Matrix.Stage;
using Conformance.Harness.Matrix.Wire;
using Conformance.Harness.Peers.Tools;
using Conformance.Harness.Sut;

namespace Conformance.Harness.Matrix.Cells;

/// <summary>
/// The peer fails while the SUT sends (storescp --abort-during, --abort-after, --sleep-during past the SUT's
/// DIMSE timeout, --refuse): the SUT reports that failure (aborted, timed out, rejected) and never a success.
/// </summary>
public sealed record FaultAtStoreScp(string CaseName, StoreScpSetup Receiver, AssociationResult Expected) : CaseVariant(CaseName)
{
    /// <summary>The SUT's DIMSE timeout in the stall case; storescp sleeps well past it.</summary>
    public static readonly TimeSpan DimseTimeout = TimeSpan.FromSeconds(3);

    public override async Task<CellVerdict> RunAsync(CellContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var storescp = context.Touch(await context.Stage.StoreScpAsync(Receiver, cancellationToken).ConfigureAwait(false));
        var call = context.CallTo(storescp) with { DimseTimeout = Expected == AssociationResult.TimedOut ? DimseTimeout : null };
        var run = await context.Sut.Scu.StoreAsync(call, context.Corpus.InSyntax(SyntaxCase.ExplicitLittle).Take(1).ToList(), cancellationToken).ConfigureAwait(false);
        Expect.That(!run.Statuses.Any(s => s == 0x0000), $"storescp {string.Join(' ', Receiver.Arguments)} stored nothing, yet the SUT reported success: {run.Describe()}");
        Expect.That(run.Association == Expected, $"storescp {string.Join(' ', Receiver.Arguments)}: expected the SUT to report {Expected}, it reported {run.Describe()}");
        if (Expected == AssociationResult.TimedOut)
        {
            Expect.That(run.Elapsed < TimeSpan.FromSeconds(9), $"the SUT gave up after {run.Elapsed.TotalSeconds:F1} s, not at its {DimseTimeout.TotalSeconds} s DIMSE timeout");
        }

        return CellVerdict.Pass($"reported {Expected}: {run.Error}");
    }
}

/// <summary>
/// The sender dies mid data set: storescu killed (SIGKILL) once a megabyte of a 60 MB object is on the wire,
/// or a scripted peer that sends half a data set and then aborts or closes. The SUT's SCP must record
/// nothing as stored and keep serving (an echo and a small store afterwards succeed).
/// </summary>
public sealed record InterruptedStore(string CaseName, PeerTool Sender, bool Abort = false) : CaseVariant(CaseName)
{
    public override async Task<CellVerdict> RunAsync(CellContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var scp = await context.StartScpAsync(SutScpKind.Storage, cancellationToken).ConfigureAwait(false);
        var toolbox = await CellKit.ToolboxAsync(context, PeerTool.StoreScu, cancellationToken).ConfigureAwait(false);
        var large = context.Corpus.LargeObject;
        var what = Sender == PeerTool.RawPeer
            ? await ScriptedStore.InterruptAsync(context.AddressFromHere(scp), scp.Port, scp.AeTitle, large, Abort, cancellationToken).ConfigureAwait(false)
            : await KillStoreScuAsync(context, toolbox, scp, large, cancellationToken).ConfigureAwait(false);
        await Task.Delay(TimeSpan.FromSeconds(1), cancellationToken).ConfigureAwait(false);
        var uid = DicomFile.Open(large).Dataset.GetUid(DicomTags.SOPInstanceUID);
        Expect.That(!CellKit.StoredBy(scp, context.Sut.Name).ContainsKey(uid), $"{what}; the SUT recorded the interrupted object {uid} as stored");
        var host = context.AddressForPeers(scp);
        var echo = await toolbox.RunAsync(ScuCommands.EchoScu(host, scp.Port, scp.AeTitle), cancellationToken).ConfigureAwait(false);
        Expect.That(echo.Succeeded, $"{what}; afterwards the SUT's SCP did not answer C-ECHO: {CellKit.Tail(echo.Output)}");
        var small = context.Corpus.InSyntax(SyntaxCase.ExplicitLittle)[0];
        var store = await toolbox.RunAsync(ScuCommands.StoreScu(host, scp.Port, scp.AeTitle, [context.InContainer(small)]), cancellationToken).ConfigureAwait(false);
        Expect.That(store.Succeeded, $"{what}; afterwards the SUT's SCP did not take a C-STORE: {CellKit.Tail(store.Output)}");
        ObjectCheck.SameObjects([small], CellKit.StoredBy(scp, context.Sut.Name), "the SUT's SCP");
        return CellVerdict.Pass($"{what}: nothing stored, and the SCP went on serving");
    }

    /// <summary>storescu in the background inside the toolbox, killed once ss shows a megabyte acknowledged on its connection.</summary>
    private static async Task<string> KillStoreScuAsync(CellContext context, Toolbox toolbox, ISutScp scp, string large, CancellationToken cancellationToken)
    {
        var host = context.AddressForPeers(scp);
        var port = CellKit.Port(scp.Port);
        var script = $"storescu -aet STORESCU -aec {scp.AeTitle} {host} {port} {context.InContainer(large)} & p=$!; i=0; "
            + $"while [ $i -lt 1500 ]; do if ss -tni dst {host}:{port} | grep -q 'bytes_acked:[0-9]\\{{7,\\}}'; then kill -9 $p; wait $p; echo killed-mid-dataset; exit 0; fi; "
            + "if ! kill -0 $p 2>/dev/null; then echo finished-before-kill; exit 1; fi; sleep 0.01; i=$((i+1)); done; kill -9 $p; echo never-reached-a-megabyte; exit 1";
        var result = await toolbox.RunAsync(new ToolCommand("sh", ["-c", script], new Dictionary<string, string>()), cancellationToken).ConfigureAwait(false);
        Expect.That(result.Output.Contains("killed-mid-dataset", StringComparison.Ordinal), $"could not kill storescu mid data set: {CellKit.Tail(result.Output)}");
        return "storescu was killed (SIGKILL) with a megabyte of a 60 MB object sent";
    }
}
