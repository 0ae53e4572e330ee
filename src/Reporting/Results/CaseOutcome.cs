namespace Conformance.Reporting.Results;

/// <summary>How one matrix case ended (docs/results.md).</summary>
public enum CaseOutcome
{
    /// <summary>Every assertion of the case held, the timing budget included.</summary>
    Pass,

    /// <summary>The system under test did something wrong (or the case could not run).</summary>
    Fail,

    /// <summary>The combination cannot exist (e.g. a peer version without the service); the row says why.</summary>
    NotApplicable,

    /// <summary>The peer misbehaved while our side was right: a known defect from the catalogue, named in <see cref="CaseResult.Defect"/>.</summary>
    PeerDefect,
}
