using Conformance.Harness.Matrix.Defects;
using Conformance.Harness.Matrix.Model;
using Conformance.Harness.Matrix.Running;
using Conformance.Harness.Peers;
using Conformance.Harness.Peers.Tools;
using Conformance.Harness.Sut;

namespace Conformance.Harness.Matrix.Cells;

/// <summary>C-ECHO, the SUT as SCU: storescp, dcmqrscp or Orthanc answers Success.</summary>
public sealed record EchoToScp(PeerTool Peer) : CaseVariant("default")
{
    public override async Task<CellVerdict> RunAsync(CellContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var peer = await CellKit.ScpPeerAsync(context, Peer, cancellationToken).ConfigureAwait(false);
        var run = CellKit.Established(await context.Sut.Scu.EchoAsync(context.CallTo(peer), cancellationToken).ConfigureAwait(false), "C-ECHO");
        Expect.Status(0x0000, run.FinalStatus, $"C-ECHO to {Peer}");
        return CellVerdict.Pass($"{Peer} answered C-ECHO with Success", CellKit.Timings(run));
    }
}

/// <summary>C-ECHO, the SUT as SCP: echoscu, gdcmscu, or Orthanc (REST) gets Success.</summary>
public sealed record EchoFromScu(PeerTool Peer) : CaseVariant(Peer == PeerTool.Orthanc ? "rest" : "default")
{
    public override async Task<CellVerdict> RunAsync(CellContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var scp = await context.StartScpAsync(SutScpKind.Storage, cancellationToken).ConfigureAwait(false);
        var host = context.AddressForPeers(scp);
        if (Peer == PeerTool.Orthanc)
        {
            var orthanc = context.Touch(await context.Stage.OrthancAsync(cancellationToken).ConfigureAwait(false));
            await orthanc.DefineModalityAsync("sut", scp.AeTitle, host, scp.Port, cancellationToken).ConfigureAwait(false);
            Expect.That(await orthanc.EchoAsync("sut", cancellationToken).ConfigureAwait(false), "Orthanc's C-ECHO (POST /modalities/sut/echo) to the SUT did not succeed");
            return CellVerdict.Pass("Orthanc's C-ECHO got Success");
        }

        var toolbox = await CellKit.ToolboxAsync(context, Peer, cancellationToken).ConfigureAwait(false);
        if (Peer == PeerTool.GdcmScu)
        {
            var gdcm = await CellKit.RunAsync(context, toolbox, GdcmCommands.Run("--echo", host, scp.Port, scp.AeTitle), cancellationToken).ConfigureAwait(false);
            Expect.That(GdcmCommands.StatusCount(gdcm, 0x0000) >= 1, $"gdcmscu received no C-ECHO-RSP with status 0: {CellKit.Tail(gdcm.Output)}");
            return PeerDefectVerdict.Judge(context, Peer, gdcm, "gdcmscu's C-ECHO got Success", Single("c-echo", gdcm));
        }

        var echo = await CellKit.RunAsync(context, toolbox, ScuCommands.EchoScu(host, scp.Port, scp.AeTitle), cancellationToken).ConfigureAwait(false);
        Expect.That(echo.Succeeded && echo.Statuses.Any(s => s.Operation == "Echo" && s.IsSuccess), $"echoscu: {CellKit.Tail(echo.Output)}");
        return CellVerdict.Pass("echoscu's C-ECHO got Success", Single("c-echo", echo));
    }

    /// <summary>A peer tool's whole run as one timed operation (the tool reports no per-message times).</summary>
    internal static CellTimings Single(string operation, ToolResult result) => new(operation + " (tool run)", [result.Elapsed], result.Elapsed);
}
