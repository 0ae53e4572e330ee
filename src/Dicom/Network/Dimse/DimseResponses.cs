namespace Conformance.Dicom.Network.Dimse;

/// <summary>Builds the matching response type for any request (for failures and simple answers).</summary>
public static class DimseResponses
{
    public static DimseResponse For(DimseRequest request, DimseStatus status, string? errorComment = null)
    {
        ArgumentNullException.ThrowIfNull(request);
        var comment = status.IsFailure ? errorComment : null;
        return request switch
        {
            CEchoRequest echo => new CEchoResponse
            {
                MessageIdBeingRespondedTo = echo.MessageId, Status = status, ErrorComment = comment, AffectedSopClassUid = echo.AffectedSopClassUid,
            },
            CStoreRequest store => new CStoreResponse
            {
                MessageIdBeingRespondedTo = store.MessageId, Status = status, ErrorComment = comment,
                AffectedSopClassUid = store.AffectedSopClassUid, AffectedSopInstanceUid = store.AffectedSopInstanceUid,
            },
            CFindRequest find => new CFindResponse
            {
                MessageIdBeingRespondedTo = find.MessageId, Status = status, ErrorComment = comment, AffectedSopClassUid = find.AffectedSopClassUid,
            },
            CMoveRequest move => new CMoveResponse
            {
                MessageIdBeingRespondedTo = move.MessageId, Status = status, ErrorComment = comment, AffectedSopClassUid = move.AffectedSopClassUid,
            },
            CGetRequest get => new CGetResponse
            {
                MessageIdBeingRespondedTo = get.MessageId, Status = status, ErrorComment = comment, AffectedSopClassUid = get.AffectedSopClassUid,
            },
            _ => throw new ArgumentException($"No response type for {request.CommandField}.", nameof(request)),
        };
    }
}
