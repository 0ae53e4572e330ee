using Conformance.Dicom.Network.Association;
using Conformance.Dicom.Network.Association.Negotiation;
using Conformance.Dicom.Network.Pdus;
using Conformance.Dicom.Network.Transport;

namespace Conformance.Unit.Tests.Dicom.Network.Association;

/// <summary>A parrot SCU against our listener: it proposes what the test says and holds the accepted association.</summary>
internal sealed class AcceptorHarness : IAsyncDisposable
{
    private AcceptorHarness(DicomListener listener, Parrot parrot, RecordingMonitor monitor)
    {
        Listener = listener;
        Parrot = parrot;
        Monitor = monitor;
    }

    public DicomListener Listener { get; }

    public Parrot Parrot { get; }

    public RecordingMonitor Monitor { get; }

    /// <summary>Listens under <paramref name="policy"/> and connects a parrot (nothing sent yet).</summary>
    public static async Task<AcceptorHarness> ConnectAsync(AcceptancePolicy policy, ConnectionOptions? options = null)
    {
        var monitor = new RecordingMonitor();
        var listener = DicomListener.Start(policy, (options ?? ConnectionOptions.Default) with { Monitor = monitor });
        return new AcceptorHarness(listener, await Parrot.ConnectAsync(listener.Port), monitor);
    }

    /// <summary>Sends <paramref name="request"/>, expects A-ASSOCIATE-AC and returns our side of the association.</summary>
    public async Task<DicomAssociation> EstablishAsync(AssociateRequestPdu request)
    {
        await Parrot.SendAsync(request);
        (await Parrot.ReadPduAsync()).Type.Should().Be(PduType.AssociateAccept);
        return await NextAsync(Listener);
    }

    public static async Task<DicomAssociation> NextAsync(DicomListener listener)
    {
        using var cts = new CancellationTokenSource(Parrot.Bound);
        await foreach (var association in listener.AcceptAsync(cts.Token))
        {
            return association;
        }

        throw new AssertionException("no association");
    }

    public async ValueTask DisposeAsync()
    {
        Parrot.Dispose();
        await Listener.DisposeAsync();
    }
}
