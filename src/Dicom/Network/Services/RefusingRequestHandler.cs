using Conformance.Dicom.Network.Association;
using Conformance.Dicom.Network.Dimse;

namespace Conformance.Dicom.Network.Services;

/// <summary>Answers every request with "SOP class not supported" (0x0122); the default for a pure SCU.</summary>
public sealed class RefusingRequestHandler : IDimseRequestHandler
{
    public static RefusingRequestHandler Instance { get; } = new();

    public IMessageDataSink ChooseSink(DimseChannel channel, DimseRequest request, IncomingCommand command) => DiscardDataSink.Instance;

    public Task HandleAsync(DimseChannel channel, DimseRequest request, IncomingMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(channel);
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(message);
        var response = DimseResponses.For(request, DimseStatus.SopClassNotSupported, "This association does not perform this service.");
        return channel.SendAsync(message.PresentationContextId, response, null, cancellationToken);
    }
}
