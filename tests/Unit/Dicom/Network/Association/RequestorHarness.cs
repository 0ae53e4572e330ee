using Conformance.Dicom.Network.Association;
using Conformance.Dicom.Network.Pdus;
using Conformance.Dicom.Network.Transport;

namespace Conformance.Unit.Tests.Dicom.Network.Association;

/// <summary>Our SCU connecting to a parrot: the parrot holds the A-ASSOCIATE-RQ and answers as the test scripts.</summary>
internal sealed class RequestorHarness : IAsyncDisposable
{
    private readonly Parrot.Listener _listener;

    private RequestorHarness(Parrot.Listener listener, Task<DicomAssociation> connect, Parrot parrot, AssociateRequestPdu request, RecordingMonitor monitor)
    {
        _listener = listener;
        Connect = connect;
        Parrot = parrot;
        Request = request;
        Monitor = monitor;
    }

    public Task<DicomAssociation> Connect { get; }

    public Parrot Parrot { get; }

    public AssociateRequestPdu Request { get; }

    public RecordingMonitor Monitor { get; }

    public static async Task<RequestorHarness> StartAsync(ConnectionOptions? options = null, Func<AssociationRequest, AssociationRequest>? shape = null)
    {
        var listener = new Parrot.Listener();
        var monitor = new RecordingMonitor();
        var request = AssociationRequest.ForVerification("127.0.0.1", listener.Port, "PARROT", "OURSCU");
        request = shape?.Invoke(request) ?? request;
        var connect = DicomAssociation.ConnectAsync(request, (options ?? ConnectionOptions.Default) with { Monitor = monitor }, CancellationToken.None);
        var parrot = await listener.AcceptAsync();
        var rq = await parrot.ReadAsync<AssociateRequestPdu>();
        return new RequestorHarness(listener, connect, parrot, rq, monitor);
    }

    /// <summary>Accepts everything and returns the established association.</summary>
    public async Task<DicomAssociation> EstablishAsync(uint maxPdu = 16384)
    {
        await Parrot.SendAsync(Parrot.AcceptAll(Request, maxPdu));
        return await Connect;
    }

    public async ValueTask DisposeAsync()
    {
        Parrot.Dispose();
        _listener.Dispose();
        if (Connect.IsCompletedSuccessfully)
        {
            await Connect.Result.DisposeAsync();
        }
    }
}
