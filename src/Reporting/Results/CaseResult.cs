namespace Conformance.Reporting.Results;

/// <summary>
/// One row of results.json: one matrix case as it ran. The id grammar is
/// <c>{service}/{sut_role}/{sut}/{peer-tool}/{topology}/{variant}</c>; (id, debian_suite) is unique
/// across every file that is merged. Schema and field meanings: docs/results.md.
/// </summary>
public sealed record CaseResult
{
    public required string Id { get; init; }

    /// <summary>echo, store, find, move, get, negotiation, fault.</summary>
    public required string Service { get; init; }

    /// <summary>scu or scp: the role of the system under test.</summary>
    public required string SutRole { get; init; }

    /// <summary>The system under test: ours, dcmtk, or external:NAME.</summary>
    public required string Sut { get; init; }

    /// <summary>The peer tool, e.g. storescp, dcmqrscp, orthanc, gdcmscu.</summary>
    public required string Peer { get; init; }

    /// <summary>The peer family's package version from the image labels, e.g. "3.6.7-9~deb12u4".</summary>
    public string PeerVersion { get; init; } = "";

    public string DebianSuite { get; init; } = "";

    public required string Topology { get; init; }

    public required string Variant { get; init; }

    /// <summary>The transfer syntax UID the case sends or expects, when it has one.</summary>
    public string? TransferSyntax { get; init; }

    public required CaseOutcome Outcome { get; init; }

    /// <summary>What happened, in one or a few lines; for failures, what was expected and what was seen.</summary>
    public string Message { get; init; } = "";

    /// <summary>The peer-defect catalogue entry (for <see cref="CaseOutcome.PeerDefect"/>), or a note that a known defect no longer occurs.</summary>
    public string? Defect { get; init; }

    public OperationTimings? Timings { get; init; }

    public BudgetResult Budget { get; init; } = BudgetResult.NotMeasured;

    /// <summary>Evidence files (peer logs, packet captures), relative to the results directory where possible.</summary>
    public IReadOnlyList<string> Evidence { get; init; } = [];

    public DateTimeOffset StartedAt { get; init; }

    public double DurationMs { get; init; }
}
