using Conformance.Dicom.Network.Dimse;
using Conformance.Dicom.Network.Services.Storage;

namespace Conformance.Dicom.Network.Services.Scu;

/// <summary>C-ECHO: the status and the round trip (request sent -> response), plus association totals.</summary>
public sealed record EchoResult(DimseStatus Status, TimeSpan RoundTrip, OperationStatistics Statistics);

/// <summary>C-STORE of a batch: one outcome per object in input order.</summary>
public sealed record StoreResult(IReadOnlyList<StoreOutcome> Outcomes, OperationStatistics Statistics)
{
    public int Succeeded => Outcomes.Count(o => o.Succeeded);

    public int Failed => Outcomes.Count - Succeeded;

    public bool AllSucceeded => Failed == 0;
}

/// <summary>Sub-operation counts of a pending C-MOVE/C-GET response.</summary>
public sealed record RetrieveProgress(int Remaining, int Completed, int Failed, int Warning);

/// <summary>The final C-MOVE/C-GET status with its counts and the Failed SOP Instance UID List (0008,0058).</summary>
public sealed record RetrieveResult(
    DimseStatus Status,
    string? ErrorComment,
    int Completed,
    int Failed,
    int Warning,
    IReadOnlyList<string> FailedSopInstanceUids,
    int PendingResponses,
    TimeSpan Elapsed,
    OperationStatistics Statistics)
{
    /// <summary>Instances received by C-GET on our side (empty for C-MOVE).</summary>
    public IReadOnlyList<string> ReceivedLocations { get; init; } = [];
}

/// <summary>C-FIND collected whole: matches and the final status.</summary>
public sealed record FindResult(IReadOnlyList<Data.DicomDataset> Matches, DimseStatus Status, string? ErrorComment, TimeSpan Elapsed, OperationStatistics Statistics);
