using System.Diagnostics;
using System.Net;
using Conformance.Dicom.Network.Association;
using Conformance.Dicom.Network.Association.Negotiation;
using Conformance.Dicom.Network.Association.Verification;
using Conformance.Dicom.Network.Transport;
using Conformance.Harness.Topologies;

namespace Conformance.Interop.Tests.Harness;

/// <summary>Our C-ECHO SCU (src/Dicom) against a peer, at the endpoint the topology gives our side.</summary>
internal static class OurEchoScu
{
    public static async Task<(ushort Status, AssociationInfo Info)> EchoAsync(DnsEndPoint peer, string calledAe, CancellationToken cancellationToken)
    {
        await using var association = await DicomAssociation.ConnectAsync(
            AssociationRequest.ForVerification(peer.Host, peer.Port, calledAe, "OURSCU"), ConnectionOptions.Default, cancellationToken);
        var (status, _) = await VerificationScu.EchoAsync(association, 1, cancellationToken);
        await association.ReleaseAsync(cancellationToken);
        return (status, association.Info);
    }
}

/// <summary>Our Verification SCP listening where the topology says peers can reach it (port 0).</summary>
internal sealed class OurEchoScp : IAsyncDisposable
{
    private readonly CancellationTokenSource stop = new();
    private readonly Task serving;
    private int echoes;

    private OurEchoScp(DicomListener listener, string aeTitle)
    {
        Listener = listener;
        AeTitle = aeTitle;
        serving = listener.RunAsync(ServeAsync, stop.Token);
    }

    public DicomListener Listener { get; }

    public string AeTitle { get; }

    public int Port => Listener.Port;

    public int Echoes => Volatile.Read(ref echoes);

    public static OurEchoScp Start(Topology topology, string aeTitle = "OURSCP") =>
        new(DicomListener.Start(AcceptancePolicy.ForVerification(aeTitle), ConnectionOptions.Default, topology.OurListenAddress.ToString(), 0), aeTitle);

    /// <summary>Waits (bounded) until the SCP has answered at least <paramref name="count"/> C-ECHO requests.</summary>
    public async Task<bool> WaitForEchoesAsync(int count)
    {
        var started = Stopwatch.GetTimestamp();
        while (Echoes < count && Stopwatch.GetElapsedTime(started) < TimeSpan.FromSeconds(30))
        {
            await Task.Delay(10);
        }

        return Echoes >= count;
    }

    private async Task ServeAsync(DicomAssociation association, CancellationToken ct)
    {
        var answered = await VerificationScp.HandleAsync(association, ct);
        Interlocked.Add(ref echoes, answered);
    }

    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync();
        await Listener.DisposeAsync();
        try
        {
            await serving;
        }
        catch (OperationCanceledException)
        {
            // Stopping the listener ends its run loop this way.
        }

        stop.Dispose();
    }
}
