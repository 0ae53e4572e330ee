using Conformance.Dicom.Network.Association;
using Conformance.Dicom.Network.Dimse;

namespace Conformance.Dicom.Network.Services;

/// <summary>Performs the requests a <see cref="DimseChannel"/> receives (the SCP role of any service).</summary>
public interface IDimseRequestHandler
{
    /// <summary>Where the data set of <paramref name="request"/> goes; called before any data byte is read.</summary>
    IMessageDataSink ChooseSink(DimseChannel channel, DimseRequest request, IncomingCommand command);

    /// <summary>
    /// Performs the request and sends its response(s) on <paramref name="channel"/>. The token is
    /// cancelled by a C-CANCEL-RQ for this request or when the association ends.
    /// </summary>
    Task HandleAsync(DimseChannel channel, DimseRequest request, IncomingMessage message, CancellationToken cancellationToken);
}
