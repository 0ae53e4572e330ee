using System.Collections.Concurrent;
using Conformance.Dicom.Network.Association;
using Conformance.Dicom.Network.Association.Negotiation;
using Conformance.Dicom.Network.Association.Verification;
using Conformance.Dicom.Network.Transport;

namespace Conformance.Unit.Tests.Dicom.Network.Security;

/// <summary>Our listener serving C-ECHO on loopback under a policy and connection options, keeping every log line.</summary>
internal sealed class EchoListener : IAsyncDisposable
{
    public const string AeTitle = "SECURESCP";

    private readonly ConcurrentQueue<string> _log;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _serving;

    private EchoListener(DicomListener listener, ConcurrentQueue<string> log)
    {
        Listener = listener;
        _log = log;
        _serving = listener.RunAsync(async (association, ct) => await VerificationScp.HandleAsync(association, ct), _stop.Token);
    }

    public DicomListener Listener { get; }

    public int Port => Listener.Port;

    public IReadOnlyList<string> Log => [.. _log];

    public static EchoListener Start(AcceptancePolicy? policy = null, ConnectionOptions? options = null)
    {
        var log = new ConcurrentQueue<string>();
        var listener = DicomListener.Start(policy ?? AcceptancePolicy.ForVerification(AeTitle), (options ?? ConnectionOptions.Default) with { Log = log.Enqueue });
        return new EchoListener(listener, log);
    }

    /// <summary>Opens an association (with <paramref name="options"/>, e.g. TLS), sends one C-ECHO, releases; returns the association's info and the status.</summary>
    public async Task<(AssociationInfo Info, ushort Status)> EchoAsync(ConnectionOptions? options = null, string calling = "TESTSCU", Func<AssociationRequest, AssociationRequest>? adjust = null)
    {
        using var cts = new CancellationTokenSource(Parrot.Bound);
        var request = AssociationRequest.ForVerification("127.0.0.1", Port, AeTitle, calling);
        await using var association = await DicomAssociation.ConnectAsync(adjust?.Invoke(request) ?? request, options ?? ConnectionOptions.Default, cts.Token);
        var (status, _) = await VerificationScu.EchoAsync(association, 1, cts.Token);
        await association.ReleaseAsync(cts.Token);
        return (association.Info, status);
    }

    /// <summary>Waits (bounded) for a log line containing every one of <paramref name="words"/>.</summary>
    public async Task<string?> WaitForLogAsync(params string[] words)
    {
        var until = DateTime.UtcNow + Parrot.Bound;
        while (DateTime.UtcNow < until)
        {
            if (_log.FirstOrDefault(l => words.All(w => l.Contains(w, StringComparison.OrdinalIgnoreCase))) is { } line)
            {
                return line;
            }

            await Task.Delay(20);
        }

        return null;
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _serving;
        await Listener.DisposeAsync();
        _stop.Dispose();
    }
}
