using Conformance.Dicom.Network.Dimse;

namespace Conformance.Dicom.Network.Services.Storage;

/// <summary>
/// What happened to one object: the peer's status, or a local failure (nothing sent, <see cref="Error"/> says why).
/// <see cref="Elapsed"/> runs from handing the request to the association to the final response.
/// </summary>
public sealed record StoreOutcome(
    string Description,
    string SopClassUid,
    string SopInstanceUid,
    DimseStatus Status,
    string? TransferSyntaxSent,
    bool Transcoded,
    TimeSpan Elapsed,
    string? Error)
{
    public bool Sent => TransferSyntaxSent is not null;

    public bool Succeeded => Sent && Status.IsSuccessOrWarning;
}
