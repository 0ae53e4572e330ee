namespace Conformance.Reporting.Results;

/// <summary>A topology's self-measurement at start (raw TCP round trip and throughput), as recorded with its results.</summary>
public sealed record LinkResult
{
    public required string Topology { get; init; }

    public double RoundTripMs { get; init; }

    public double? ThroughputMbit { get; init; }

    public string Method { get; init; } = "";

    public string? Note { get; init; }
}
