using Conformance.Dicom.Data;

namespace Conformance.Harness.Sut;

/// <summary>How an association attempt ended, as the SUT reported it.</summary>
public enum AssociationResult
{
    Established,
    Rejected,
    Aborted,
    TimedOut,

    /// <summary>No TCP connection (refused or unreachable).</summary>
    NotConnected,

    /// <summary>Established but no accepted presentation context for what was to be sent.</summary>
    NoAcceptedContext,

    /// <summary>Anything else that stopped the operation; <see cref="ScuRun.Error"/> says what.</summary>
    Failed,
}

/// <summary>A-ASSOCIATE-RJ fields (PS3.8 9.3.4): result 1 permanent / 2 transient, source 1-3, reason per source.</summary>
public sealed record Rejection(int Result, int Source, int Reason)
{
    public override string ToString() => $"result {Result}, source {Source}, reason {Reason}";
}

/// <summary>Sub-operation counts of a final C-MOVE/C-GET response.</summary>
public sealed record RetrieveCounts(int Completed, int Failed, int Warning);

/// <summary>
/// What one SCU operation of the SUT did: how the association went, the final status of each operation
/// (one per object for C-STORE), per-operation latencies, and what came back (matches, counts, files).
/// </summary>
public sealed record ScuRun
{
    /// <summary>c-echo, c-store, c-find, c-move, c-get.</summary>
    public required string Operation { get; init; }

    public AssociationResult Association { get; init; } = AssociationResult.Established;

    public Rejection? Rejection { get; init; }

    /// <summary>Final status of each operation, in order (one per object for C-STORE).</summary>
    public IReadOnlyList<ushort> Statuses { get; init; } = [];

    /// <summary>For C-STORE, the transfer syntax each object went out in, where the SUT says so (null entries: not sent).</summary>
    public IReadOnlyList<string?> TransferSyntaxesSent { get; init; } = [];

    /// <summary>Per-operation latencies (each C-STORE, C-ECHO, C-FIND response, C-MOVE/C-GET pending response).</summary>
    public IReadOnlyList<TimeSpan> Latencies { get; init; } = [];

    public IReadOnlyList<DicomDataset> Matches { get; init; } = [];

    public RetrieveCounts? Counts { get; init; }

    public IReadOnlyList<string> FailedSopInstanceUids { get; init; } = [];

    /// <summary>Files a C-GET received (in the output folder).</summary>
    public IReadOnlyList<string> ReceivedFiles { get; init; } = [];

    /// <summary>A local failure, in the SUT's words.</summary>
    public string? Error { get; init; }

    public string Log { get; init; } = "";

    public TimeSpan Elapsed { get; init; }

    public ushort? FinalStatus => Statuses.Count == 0 ? null : Statuses[^1];

    public bool AllSucceeded => Association == AssociationResult.Established && Statuses.Count > 0 && Statuses.All(s => s is 0x0000);

    public string Describe() =>
        $"{Operation}: association {Association}{(Rejection is null ? "" : $" ({Rejection})")}, statuses [{string.Join(", ", Statuses.Select(s => $"0x{s:X4}"))}]"
        + (Counts is null ? "" : $", completed {Counts.Completed} failed {Counts.Failed} warning {Counts.Warning}")
        + (Error is null ? "" : $", error: {Error}");
}
