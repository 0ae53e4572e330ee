using System.Diagnostics;
using System.Globalization;
using Conformance.Dicom.Data;
using Conformance.Harness.Images;
using Conformance.Harness.Matrix.Model;
using Conformance.Harness.Matrix.Running;
using Conformance.Harness.Matrix.Stage;
using Conformance.Harness.Peers;
using Conformance.Harness.Peers.Tools;
using Conformance.Harness.Processes;
using Conformance.Harness.Sut;

namespace Conformance.Harness.Matrix.Cells;

/// <summary>What the cells share: the stage peer behind a peer tool, SCU-run checks, timings, tool output as a process result.</summary>
public static class CellKit
{
    /// <summary>The topology's shared SCP for an SCP peer tool (storescp with its defaults, dcmqrscp, Orthanc).</summary>
    public static async Task<StartedPeer> ScpPeerAsync(CellContext context, PeerTool tool, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        StartedPeer peer = tool.Name switch
        {
            "storescp" => await context.Stage.StoreScpAsync(StoreScpSetup.Default, cancellationToken).ConfigureAwait(false),
            "dcmqrscp" => await context.Stage.QrScpAsync(cancellationToken).ConfigureAwait(false),
            "orthanc" => await context.Stage.OrthancAsync(cancellationToken).ConfigureAwait(false),
            _ => throw new InvalidOperationException($"{tool} is not an SCP peer of the stage"),
        };
        return context.Touch(peer);
    }

    /// <summary>The topology's toolbox for an SCU peer tool (GDCM's for gdcmscu, DCMTK's otherwise).</summary>
    public static async Task<Toolbox> ToolboxAsync(CellContext context, PeerTool tool, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(tool);
        var family = tool.Family ?? PeerFamily.Dcmtk;
        return context.Touch(await context.Stage.ToolboxAsync(family, cancellationToken).ConfigureAwait(false));
    }

    /// <summary>Fails unless the SUT's association was established (and says how it ended otherwise).</summary>
    public static ScuRun Established(ScuRun run, string what)
    {
        ArgumentNullException.ThrowIfNull(run);
        Expect.That(run.Association == AssociationResult.Established, $"{what}: {run.Describe()}");
        return run;
    }

    public static CellTimings Timings(ScuRun run, string? referenceKey = null, long bytesPerOperation = 0)
    {
        ArgumentNullException.ThrowIfNull(run);
        return new CellTimings(run.Operation, run.Latencies, run.Elapsed) { ReferenceKey = referenceKey, BytesPerOperation = bytesPerOperation };
    }

    /// <summary>Runs a tool in a toolbox; its command line and output go into the case's notes (evidence if it fails).</summary>
    public static async Task<ToolResult> RunAsync(CellContext context, Toolbox toolbox, ToolCommand command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(toolbox);
        var result = await toolbox.RunAsync(command, cancellationToken).ConfigureAwait(false);
        context.Note($"$ {result}\n{result.Output}");
        return result;
    }

    /// <summary>Loads the SUT's SCP with objects (DCMTK storescu on this host).</summary>
    public static Task LoadAsync(CellContext context, ISutScp scp, IReadOnlyList<string> files, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(scp);
        return ScpLoader.LoadAsync(context.AddressFromHere(scp), scp.Port, scp.AeTitle, files, cancellationToken);
    }

    /// <summary>The SUT as a query/retrieve SCP loaded with the query corpus (for a retrieve scenario, with its fragile file lost).</summary>
    public static async Task<ISutScp> LoadedScpAsync(CellContext context, RetrieveScenario? scenario, CancellationToken cancellationToken, Func<SutScpRequest, SutScpRequest>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(context);
        var scp = await context.StartScpAsync(SutScpKind.QueryRetrieve, cancellationToken, configure).ConfigureAwait(false);
        await Retrieves.LoadAsync(context, scp, scenario, cancellationToken).ConfigureAwait(false);
        return scp;
    }

    /// <summary>A <see cref="Wire.PduTap"/> on loopback in front of a peer's service (the SUT dials the tap); stopped when the case ends.</summary>
    public static Wire.PduTap TapInFront(CellContext context, StartedPeer peer)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(peer);
        var endpoint = peer.OurSideEndpoint;
        var tap = Wire.PduTap.Start(System.Net.IPAddress.Loopback, endpoint.Host, endpoint.Port);
        context.Own(tap);
        return tap;
    }

    /// <summary>A tap where peers reach our side, in front of the SUT's SCP (peers dial the tap); stopped when the case ends.</summary>
    public static Wire.PduTap TapInFront(CellContext context, ISutScp scp)
    {
        ArgumentNullException.ThrowIfNull(context);
        var tap = Wire.PduTap.Start(context.Topology.OurListenAddress, context.AddressFromHere(scp), scp.Port);
        context.Own(tap);
        return tap;
    }

    /// <summary>A keyword as GDCM's and DCMTK's "gggg,eeee".</summary>
    public static string Tag(string keyword)
    {
        var tag = DicomTag.FromKeyword(keyword);
        return string.Create(CultureInfo.InvariantCulture, $"{tag.Group:X4},{tag.Element:X4}");
    }

    public static string Port(int port) => port.ToString(CultureInfo.InvariantCulture);

    /// <summary>The tool output's last lines, for messages.</summary>
    public static string Tail(string text, int length = 600) => text.Length > length ? "..." + text[^length..] : text;

    /// <summary>The stored files of the SUT's SCP, or a failure saying it gives no access to them.</summary>
    public static IReadOnlyDictionary<string, string> StoredBy(ISutScp scp, string sut)
    {
        ArgumentNullException.ThrowIfNull(scp);
        return scp.StoredFiles() ?? throw new NotApplicableException($"{sut} gives no access to what its SCP stored, so nothing can be compared");
    }
}
