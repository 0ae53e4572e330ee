using Conformance.Dicom.Network.Association;
using Conformance.Dicom.Network.Dimse;
using Conformance.Dicom.Network.Services;
using Conformance.Dicom.Network.Services.QueryRetrieve;
using Conformance.Dicom.Network.Services.Storage;

namespace Conformance.Scp;

/// <summary>
/// Dispatches the SCP's requests: C-ECHO, C-STORE (with indexing), C-FIND, C-MOVE, C-GET. Identifiers are buffered up
/// to <paramref name="maxIdentifierLength"/> bytes; any other data set (a C-ECHO with one) is dropped.
/// </summary>
internal sealed class ServerRequestHandler(StoreRequestHandler store, FindService find, RetrieveService retrieve, int maxIdentifierLength) : IDimseRequestHandler
{
    public IMessageDataSink ChooseSink(DimseChannel channel, DimseRequest request, IncomingCommand command) => request switch
    {
        CStoreRequest => store.ChooseSink(channel, request, command),
        CFindRequest or CMoveRequest or CGetRequest => new IdentifierSink(maxIdentifierLength),
        _ => DiscardDataSink.Instance,
    };

    public Task HandleAsync(DimseChannel channel, DimseRequest request, IncomingMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(channel);
        ArgumentNullException.ThrowIfNull(message);
        return request switch
        {
            CEchoRequest echo => channel.SendAsync(message.PresentationContextId, DimseResponses.For(echo, DimseStatus.Success), null, cancellationToken),
            CStoreRequest => store.HandleAsync(channel, request, message, cancellationToken),
            CFindRequest findRequest => find.HandleAsync(channel, findRequest, message, cancellationToken),
            CMoveRequest move => retrieve.MoveAsync(channel, move, message, cancellationToken),
            CGetRequest get => retrieve.GetAsync(channel, get, message, cancellationToken),
            _ => RefusingRequestHandler.Instance.HandleAsync(channel, request, message, cancellationToken),
        };
    }
}
