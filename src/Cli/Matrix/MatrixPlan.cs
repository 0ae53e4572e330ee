using Conformance.Harness.Matrix.Model;
using Conformance.Harness.Sut.Catalog;
using Conformance.Reporting.Results;

namespace Conformance.Cli.Matrix;

/// <summary>
/// What `run` or `reproduce` will run: the harness's cases (MatrixCatalog picks them; one definition of a case),
/// the systems under test they name, the Debian suites of the peers (the cases run once per suite) and where the
/// results and evidence go.
/// </summary>
internal sealed record MatrixPlan(IReadOnlyList<MatrixCase> Cases, IReadOnlyList<SutDescriptor> Suts, IReadOnlyList<string> Versions, string OutDirectory)
{
    /// <summary>Evidence for every case, not only failing ones (`reproduce`).</summary>
    public bool FullEvidence { get; init; }

    public string EvidenceDirectory => Path.Combine(OutDirectory, "evidence");
}

/// <summary>What a matrix run produced: one row per case and suite, and each topology's link measurement.</summary>
internal sealed record MatrixRun(IReadOnlyList<CaseResult> Results, IReadOnlyList<LinkResult> Links);

/// <summary>Told as cases start and end; implementations are thread-safe and never throw.</summary>
internal interface IMatrixProgress
{
    void CaseStarted(MatrixCase matrixCase);

    void CaseFinished(CaseResult result);

    /// <summary>Anything else worth a line: topology measurements, images built, a peer restarted.</summary>
    void Note(string line);
}
