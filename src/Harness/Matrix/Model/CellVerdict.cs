using Conformance.Reporting.Results;

namespace Conformance.Harness.Matrix.Model;

/// <summary>
/// Per-operation latencies of a case (C-STORE, C-ECHO, C-FIND response, C-MOVE/C-GET sub-operation) and
/// what the budget may compare them with: a reference pair's latencies for the same operations (by key).
/// </summary>
public sealed record CellTimings(string Operation, IReadOnlyList<TimeSpan> Latencies, TimeSpan Total)
{
    /// <summary>Key of the reference measurement these latencies compare to (see <c>ReferencePair</c>), or null.</summary>
    public string? ReferenceKey { get; init; }

    /// <summary>
    /// The reference pair's own measurement: the yardstick the timed cases are judged against, not judged itself
    /// (against the link alone, DCMTK's pair on a busy 2-core machine reads as slow and every run would fail).
    /// </summary>
    public bool IsReference { get; init; }

    /// <summary>Bytes each operation puts on the wire, for the time the link itself needs.</summary>
    public long BytesPerOperation { get; init; }
}

/// <summary>How a case's own assertions ended, before the timing budget is applied.</summary>
public sealed record CellVerdict(CaseOutcome Outcome, string Message)
{
    public string? Defect { get; init; }

    public CellTimings? Timings { get; init; }

    public static CellVerdict Pass(string message, CellTimings? timings = null) => new(CaseOutcome.Pass, message) { Timings = timings };

    public static CellVerdict PeerDefect(string defect, string message, CellTimings? timings = null) =>
        new(CaseOutcome.PeerDefect, message) { Defect = defect, Timings = timings };
}

/// <summary>A case's assertion failed: the message says what was expected and what was seen.</summary>
public sealed class CaseFailedException : Exception
{
    public CaseFailedException()
    {
    }

    public CaseFailedException(string message)
        : base(message)
    {
    }

    public CaseFailedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}

/// <summary>The combination cannot exist (e.g. a peer release without the service); the message is the reason.</summary>
public sealed class NotApplicableException : Exception
{
    public NotApplicableException()
    {
    }

    public NotApplicableException(string message)
        : base(message)
    {
    }

    public NotApplicableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
