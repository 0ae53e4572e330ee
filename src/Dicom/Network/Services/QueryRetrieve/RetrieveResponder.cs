using Conformance.Dicom.IO;
using Conformance.Dicom.Network.Association;
using Conformance.Dicom.Network.Dimse;

namespace Conformance.Dicom.Network.Services.QueryRetrieve;

/// <summary>
/// The C-MOVE/C-GET SCP's responses to one request: a pending response with the counts after each sub-operation,
/// then one final response, carrying the Failed SOP Instance UID List (0008,0058) when any sub-operation failed
/// (PS3.4 C.4.2.1.5, C.4.3.1.4). Nothing is sent after the final response.
/// </summary>
public sealed class RetrieveResponder
{
    private readonly DimseChannel _channel;
    private readonly DimseRequest _request;
    private readonly byte _presentationContextId;
    private readonly DicomTransferSyntax _syntax;
    private bool _final;

    public RetrieveResponder(DimseChannel channel, DimseRequest request, byte presentationContextId, DicomTransferSyntax syntax)
    {
        ArgumentNullException.ThrowIfNull(channel);
        ArgumentNullException.ThrowIfNull(syntax);
        if (request is not (CMoveRequest or CGetRequest))
        {
            throw new ArgumentException($"{request?.CommandField.ToString() ?? "null"} is not a retrieve request.", nameof(request));
        }

        _channel = channel;
        _request = request;
        _presentationContextId = presentationContextId;
        _syntax = syntax;
    }

    public Task SendPendingAsync(RetrieveSubOperations counts, CancellationToken cancellationToken) =>
        SendAsync(Response(DimseStatus.Pending, null, counts, includeRemaining: true, hasIdentifier: false), null, cancellationToken);

    /// <summary>The final response; <paramref name="counts"/> null before any sub-operation was started.</summary>
    public Task SendFinalAsync(DimseStatus status, string? comment, RetrieveSubOperations? counts, CancellationToken cancellationToken)
    {
        counts ??= new RetrieveSubOperations(0);
        // C-MOVE and C-GET alike (PS3.4 C.4.2.1.5, C.4.3.1.4). DCMTK's getscu (DcmSCU's C-GET session) never reads a
        // C-GET-RSP data set, so after a failed sub-operation its A-RELEASE fails ("P-Data PDU arrived"): a defect of
        // getscu, catalogued as getscu-ignores-get-response-identifier (docs/matrix.md), not a reason to leave it out.
        var identifier = counts.FailedUids.Count > 0 && !status.IsSuccess ? FailedSopInstanceUidList.Encode(counts.FailedUids, _syntax) : null;

        var response = Response(status, ErrorComment.Fit(comment), counts, includeRemaining: status.IsCancel, hasIdentifier: identifier is not null);
        return SendAsync(response, identifier, cancellationToken);
    }

    private Task SendAsync(RetrieveResponse response, byte[]? identifier, CancellationToken cancellationToken)
    {
        if (_final)
        {
            throw new InvalidOperationException($"{_request.CommandField} message {_request.MessageId} was already answered with its final response.");
        }

        _final = !response.Status.IsPending;
        return _channel.SendAsync(_presentationContextId, response, identifier is null ? null : new MemoryMessageData(identifier), cancellationToken);
    }

    private RetrieveResponse Response(DimseStatus status, string? comment, RetrieveSubOperations counts, bool includeRemaining, bool hasIdentifier)
    {
        ushort? remaining = includeRemaining ? Clamp(counts.Remaining) : null;
        var errorComment = status.IsFailure ? comment : null;
        return _request switch
        {
            CMoveRequest move => new CMoveResponse
            {
                MessageIdBeingRespondedTo = move.MessageId, AffectedSopClassUid = move.AffectedSopClassUid, Status = status, ErrorComment = errorComment,
                Remaining = remaining, Completed = Clamp(counts.Completed), Failed = Clamp(counts.Failed), Warning = Clamp(counts.Warning), HasIdentifier = hasIdentifier,
            },
            CGetRequest get => new CGetResponse
            {
                MessageIdBeingRespondedTo = get.MessageId, AffectedSopClassUid = get.AffectedSopClassUid, Status = status, ErrorComment = errorComment,
                Remaining = remaining, Completed = Clamp(counts.Completed), Failed = Clamp(counts.Failed), Warning = Clamp(counts.Warning), HasIdentifier = hasIdentifier,
            },
            _ => throw new InvalidOperationException($"{_request.CommandField} is not a retrieve request."),
        };
    }

    private static ushort Clamp(int count) => (ushort)Math.Clamp(count, 0, ushort.MaxValue);
}
