namespace Conformance.Reporting.Results;

/// <summary>
/// A results file: what produced it, the topologies' measurements and one row per case. Each test
/// assembly writes <c>results.&lt;assembly&gt;.json</c>; <c>conformance run</c> and
/// <c>conformance report</c> merge them into <c>results.json</c> (docs/results.md).
/// </summary>
public sealed record ResultsDocument
{
    public const int CurrentSchemaVersion = 1;

    public int SchemaVersion { get; init; } = CurrentSchemaVersion;

    /// <summary>Who wrote the file, e.g. "Conformance.Interop.Tests" or "conformance run".</summary>
    public string Producer { get; init; } = "";

    public DateTimeOffset GeneratedAt { get; init; }

    /// <summary>Machine name, OS, processor count, .NET version: what a reader needs to weigh the timings.</summary>
    public string Machine { get; init; } = "";

    public IReadOnlyList<LinkResult> Links { get; init; } = [];

    public IReadOnlyList<CaseResult> Results { get; init; } = [];

    /// <summary>What a reader must know that no row says, e.g. that the matrix did not run; shown at the top of every report.</summary>
    public IReadOnlyList<string> Notes { get; init; } = [];
}
