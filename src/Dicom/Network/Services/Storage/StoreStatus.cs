using Conformance.Dicom.Network.Dimse;

namespace Conformance.Dicom.Network.Services.Storage;

/// <summary>
/// The status a C-STORE SCP answers with, and what the response names with it (PS3.4 B.2.3): Error Comment (0000,0902)
/// and Offending Element (0000,0901), sent with warnings and failures.
/// </summary>
public sealed record StoreStatus(DimseStatus Status, string? Comment = null, IReadOnlyList<uint>? OffendingElements = null)
{
    public static StoreStatus Success { get; } = new(DimseStatus.Success);

    /// <summary>The C-STORE-RSP for <paramref name="request"/>; the comment is cut to LO's 64 characters.</summary>
    public CStoreResponse ResponseTo(CStoreRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var detailed = Status.IsWarning || Status.IsFailure;
        return new CStoreResponse
        {
            MessageIdBeingRespondedTo = request.MessageId,
            Status = Status,
            ErrorComment = detailed ? ErrorComment.Fit(Comment) : null,
            OffendingElements = detailed ? OffendingElements ?? [] : [],
            AffectedSopClassUid = request.AffectedSopClassUid,
            AffectedSopInstanceUid = request.AffectedSopInstanceUid,
        };
    }
}
