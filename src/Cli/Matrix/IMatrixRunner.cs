using Conformance.Harness.Setup;
using Conformance.Reporting.Results;

namespace Conformance.Cli.Matrix;

/// <summary>
/// The seam between `conformance run` / `reproduce` and the interop matrix (src/Harness/Matrix): the
/// CLI chooses cases, shows progress and writes the report; the runner runs cases and returns one
/// <see cref="CaseResult"/> per case. <see cref="MatrixWiring.Runner"/> returns the implementation.
/// </summary>
internal interface IMatrixRunner
{
    /// <summary>The cases <paramref name="selection"/> picks, in the order <see cref="RunAsync"/> runs them; runs nothing.</summary>
    Task<IReadOnlyList<MatrixCase>> PlanAsync(MatrixSelection selection, CancellationToken cancellationToken);

    /// <summary>
    /// Runs the planned cases against the prepared environments (one per Debian suite in
    /// <see cref="MatrixSelection.Versions"/>), telling <paramref name="progress"/> as each case starts and
    /// ends (from any thread). A case that cannot run is a <c>fail</c> row, never an exception.
    /// </summary>
    Task<MatrixRun> RunAsync(MatrixSelection selection, IReadOnlyDictionary<string, HarnessEnvironment> environments, IMatrixProgress progress, CancellationToken cancellationToken);
}

/// <summary>Which cases to run: empty lists mean "all" (topologies: the runner's default local ones).</summary>
internal sealed record MatrixSelection
{
    /// <summary>ours, dcmtk, or external:SPEC (the matrix's adapter syntax).</summary>
    public string Sut { get; init; } = "ours";

    public IReadOnlyList<string> Peers { get; init; } = [];

    /// <summary>Debian suites of the peer images; never empty.</summary>
    public IReadOnlyList<string> Versions { get; init; } = ["bookworm"];

    public IReadOnlyList<string> Topologies { get; init; } = [];

    public IReadOnlyList<string> Services { get; init; } = [];

    /// <summary>A few minutes: one case per service and peer (topologies as chosen; the CLI picks one).</summary>
    public bool Quick { get; init; }

    /// <summary>Exact case ids (`reproduce`); empty = every case the other axes pick.</summary>
    public IReadOnlyList<string> CaseIds { get; init; } = [];

    /// <summary>Keep peer logs and packet captures for every case, not only failures (`reproduce`).</summary>
    public bool FullEvidence { get; init; }

    /// <summary>Where evidence files go; rows name them relative to <see cref="ResultsDirectory"/>.</summary>
    public required string EvidenceDirectory { get; init; }

    /// <summary>The --out directory results.json is written to.</summary>
    public required string ResultsDirectory { get; init; }
}

/// <summary>One planned case, before it runs.</summary>
internal sealed record MatrixCase(string Id, string Service, string Peer, string Topology, string DebianSuite);

/// <summary>What a matrix run produced: one row per case and each topology's link measurement.</summary>
internal sealed record MatrixRun(IReadOnlyList<CaseResult> Results, IReadOnlyList<LinkResult> Links);

/// <summary>Told as cases start and end; implementations are thread-safe and never throw.</summary>
internal interface IMatrixProgress
{
    void CaseStarted(MatrixCase matrixCase);

    void CaseFinished(CaseResult result);

    /// <summary>Anything else worth a line: topology measurements, images built, a peer restarted.</summary>
    void Note(string line);
}
