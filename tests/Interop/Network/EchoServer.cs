using System.Diagnostics;
using Conformance.Dicom.Network.Association;
using Conformance.Dicom.Network.Association.Negotiation;
using Conformance.Dicom.Network.Association.Verification;
using Conformance.Dicom.Network.Transport;

namespace Conformance.Interop.Tests.Network;

/// <summary>Our Verification SCP on loopback port 0, serving in the background until disposed.</summary>
internal sealed class EchoServer : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _serving;

    private EchoServer(DicomListener listener)
    {
        Listener = listener;
        _serving = listener.RunAsync(ServeAsync, _stop.Token);
    }

    /// <summary>Associations served to their end: what was negotiated, echoes answered, how it ended.</summary>
    public System.Collections.Concurrent.ConcurrentQueue<(AssociationInfo Info, int Echoes, bool PeerReleased, Exception? Failure)> Served { get; } = new();

    public DicomListener Listener { get; }

    public int Port => Listener.Port;

    public static EchoServer Start(AcceptancePolicy policy, ConnectionOptions options) => new(DicomListener.Start(policy, options));

    /// <summary>Waits (bounded) until the listener counted what the peer's exit code already implies.</summary>
    public async Task WaitForAsync(int established = 0, int rejected = 0)
    {
        var started = Stopwatch.GetTimestamp();
        while (Listener.Counters.Established < established || Listener.Counters.Rejected < rejected)
        {
            if (Stopwatch.GetElapsedTime(started) > TimeSpan.FromSeconds(30))
            {
                Assert.Fail($"listener saw {Listener.Counters.Established} established / {Listener.Counters.Rejected} rejected");
            }

            await Task.Delay(10);
        }
    }

    private async Task ServeAsync(DicomAssociation association, CancellationToken ct)
    {
        var echoes = 0;
        try
        {
            echoes = await VerificationScp.HandleAsync(association, ct);
        }
        finally
        {
            Served.Enqueue((association.Info, echoes, association.PeerReleased, association.Failure));
        }
    }

    /// <summary>Waits (bounded) until an association has been served to its end.</summary>
    public async Task<(AssociationInfo Info, int Echoes, bool PeerReleased, Exception? Failure)> NextServedAsync()
    {
        var started = Stopwatch.GetTimestamp();
        (AssociationInfo Info, int Echoes, bool PeerReleased, Exception? Failure) served;
        while (!Served.TryDequeue(out served))
        {
            if (Stopwatch.GetElapsedTime(started) > TimeSpan.FromSeconds(30))
            {
                Assert.Fail("no association was served to its end");
            }

            await Task.Delay(10);
        }

        return served;
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await Listener.DisposeAsync();
        await _serving;
        _stop.Dispose();
    }
}
