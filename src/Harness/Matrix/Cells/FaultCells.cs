using Conformance.Dicom.Data;
using Conformance.Dicom.IO;
using Conformance.Harness.Matrix.Corpus;
using Conformance.Harness.Matrix.Model;
using Conformance.Harness.Matrix.Running;
using Conformance.Harness.Matrix.Stage;
using Conformance.Harness.Matrix.Wire;
using Conformance.Harness.Peers;
using Conformance.Harness.Peers.Tools;
using Conformance.Harness.Sut;

namespace Conformance.Harness.Matrix.Cells;

/// <summary>
/// The peer fails while the SUT sends (storescp --abort-during, --abort-after, --refuse, and --sleep-during,
/// a stall in the middle of the data set past the SUT's DIMSE timeout): the SUT reports that failure
/// (aborted, timed out, rejected) and never a success. One secondary capture (about 200 KB) is sent.
/// (storescp's --sleep-after sleeps after it has answered, before it reads the release: no stall of a response.)
/// </summary>
public sealed record FaultAtStoreScp(string CaseName, StoreScpSetup Receiver, AssociationResult Expected) : CaseVariant(CaseName)
{
    /// <summary>The SUT's DIMSE timeout in the stall cases; storescp sleeps longer than that.</summary>
    public static readonly TimeSpan DimseTimeout = TimeSpan.FromSeconds(2);

    /// <summary>How long storescp sleeps, at every progress callback while it receives the data set.</summary>
    public const int PeerSleepSeconds = 5;

    public override async Task<CellVerdict> RunAsync(CellContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var storescp = context.Touch(await context.Stage.StoreScpAsync(Receiver, cancellationToken).ConfigureAwait(false));
        var call = context.CallTo(storescp) with { DimseTimeout = Expected == AssociationResult.TimedOut ? DimseTimeout : null };
        var file = context.Corpus.InSyntax(SyntaxCase.ExplicitLittle).Where(f => Path.GetFileNameWithoutExtension(f) == SyntaxCase.Sc).ToList();
        var run = await context.Sut.Scu.StoreAsync(call, file, cancellationToken).ConfigureAwait(false);
        Expect.That(!run.Statuses.Any(s => s == 0x0000), $"storescp {string.Join(' ', Receiver.Arguments)} should have made the C-STORE fail, yet the SUT reported success after {run.Elapsed.TotalSeconds:F1} s: {run.Describe()}");
        Expect.That(run.Association == Expected, $"storescp {string.Join(' ', Receiver.Arguments)}: expected the SUT to report {Expected}, it reported {run.Describe()}");
        return CellVerdict.Pass($"reported {Expected} after {run.Elapsed.TotalSeconds:F1} s: {run.Error}");
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
        var echo = await CellKit.RunAsync(context, toolbox, ScuCommands.EchoScu(host, scp.Port, scp.AeTitle), cancellationToken).ConfigureAwait(false);
        Expect.That(echo.Succeeded, $"{what}; afterwards the SUT's SCP did not answer C-ECHO: {CellKit.Tail(echo.Output)}");
        var small = context.Corpus.InSyntax(SyntaxCase.ExplicitLittle)[0];
        var store = await CellKit.RunAsync(context, toolbox, ScuCommands.StoreScu(host, scp.Port, scp.AeTitle, [context.InContainer(small)]), cancellationToken).ConfigureAwait(false);
        Expect.That(store.Succeeded, $"{what}; afterwards the SUT's SCP did not take a C-STORE: {CellKit.Tail(store.Output)}");
        ObjectCheck.SameObjects([small], CellKit.StoredBy(scp, context.Sut.Name), "the SUT's SCP");
        return CellVerdict.Pass($"{what}: nothing stored, and the SCP went on serving");
    }

    /// <summary>
    /// storescu in the background inside the toolbox, killed once ss shows a megabyte acknowledged on its connection.
    /// TCP_BUFFER_LENGTH=4096 slows it to a few MB/s (docs/pathologies.md, mechanism B), so the kill lands mid data set.
    /// </summary>
    private static async Task<string> KillStoreScuAsync(CellContext context, Toolbox toolbox, ISutScp scp, string large, CancellationToken cancellationToken)
    {
        var host = context.AddressForPeers(scp);
        var port = CellKit.Port(scp.Port);
        var script = $"TCP_BUFFER_LENGTH=4096 storescu -aet STORESCU -aec {scp.AeTitle} {host} {port} {context.InContainer(large)} & p=$!; i=0; "
            + $"while [ $i -lt 3000 ]; do a=$(ss -tni dst {host}:{port} | grep -o 'bytes_acked:[0-9]*' | head -n 1 | cut -d: -f2); "
            + "if [ \"${a:-0}\" -ge 1000000 ]; then kill -9 $p; wait $p; echo \"killed-mid-dataset acked=$a\"; exit 0; fi; "
            + "if ! kill -0 $p 2>/dev/null; then echo finished-before-kill; exit 1; fi; sleep 0.01; i=$((i+1)); done; kill -9 $p; echo never-reached-a-megabyte; exit 1";
        var result = await CellKit.RunAsync(context, toolbox, new ToolCommand("sh", ["-c", script], new Dictionary<string, string>()), cancellationToken).ConfigureAwait(false);
        var acked = System.Text.RegularExpressions.Regex.Match(result.Output, @"killed-mid-dataset acked=(\d+)");
        Expect.That(acked.Success, $"could not kill storescu mid data set: {CellKit.Tail(result.Output)}");
        var size = new FileInfo(large).Length;
        Expect.That(long.Parse(acked.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) < size - 1_000_000,
            $"storescu was killed only after {acked.Groups[1].Value} of {size} bytes were acknowledged: not mid data set");
        return $"storescu was killed (SIGKILL) with {acked.Groups[1].Value} of a {size}-byte object acknowledged";
    }
}
