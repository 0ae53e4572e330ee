using Conformance.Dicom.Network.Association;
using Conformance.Dicom.Network.Dimse;

namespace Conformance.Dicom.Network.Services.QueryRetrieve;

/// <summary>
/// The C-FIND SCP's responses to one request (PS3.4 C.4.1.1.4): a pending response per match with its identifier,
/// then one final response without identifier. Nothing is sent after the final response.
/// </summary>
public sealed class FindResponder(DimseChannel channel, CFindRequest request, byte presentationContextId)
{
    private bool _final;

    /// <summary>One match: pending (FF00), or FF01 when some optional keys were not supported for matching.</summary>
    public Task SendMatchAsync(ReadOnlyMemory<byte> identifier, DimseStatus pending, CancellationToken cancellationToken)
    {
        if (!pending.IsPending)
        {
            throw new ArgumentException($"A match goes with a pending status, not {pending}.", nameof(pending));
        }

        return SendAsync(pending, null, identifier, cancellationToken);
    }

    /// <summary>The final response: Success, Cancel or a failure with its Error Comment.</summary>
    public Task SendFinalAsync(DimseStatus status, string? comment, CancellationToken cancellationToken)
    {
        if (status.IsPending)
        {
            throw new ArgumentException("A final response cannot be pending.", nameof(status));
        }

        return SendAsync(status, comment, null, cancellationToken);
    }

    private Task SendAsync(DimseStatus status, string? comment, ReadOnlyMemory<byte>? identifier, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(channel);
        ArgumentNullException.ThrowIfNull(request);
        if (_final)
        {
            throw new InvalidOperationException($"C-FIND message {request.MessageId} was already answered with its final response.");
        }

        _final = !status.IsPending;
        var response = new CFindResponse
        {
            MessageIdBeingRespondedTo = request.MessageId,
            AffectedSopClassUid = request.AffectedSopClassUid,
            Status = status,
            ErrorComment = status.IsFailure ? ErrorComment.Fit(comment) : null,
            HasIdentifier = identifier is not null,
        };
        return channel.SendAsync(presentationContextId, response, identifier is { } data ? new MemoryMessageData(data) : null, cancellationToken);
    }
}
