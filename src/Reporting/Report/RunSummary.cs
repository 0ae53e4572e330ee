using Conformance.Reporting.Results;

namespace Conformance.Reporting.Report;

/// <summary>
/// The counts and lists every summary shows (console, summary.md, report.html, exit code): only
/// <see cref="CaseOutcome.Fail"/> fails a run; peer defects are listed, never hidden.
/// </summary>
public sealed record RunSummary(
    int Total,
    int Passed,
    int Failed,
    int NotApplicable,
    int PeerDefects,
    IReadOnlyList<CaseResult> Failures,
    IReadOnlyList<CaseResult> PeerDefectCases)
{
    public bool AnyFailed => Failed > 0;

    public string CountsLine =>
        $"{Total} case(s): {Passed} pass, {Failed} fail, {PeerDefects} peer-defect, {NotApplicable} not-applicable";

    public static RunSummary Of(ResultsDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var rows = document.Results;
        return new RunSummary(
            rows.Count,
            rows.Count(r => r.Outcome == CaseOutcome.Pass),
            rows.Count(r => r.Outcome == CaseOutcome.Fail),
            rows.Count(r => r.Outcome == CaseOutcome.NotApplicable),
            rows.Count(r => r.Outcome == CaseOutcome.PeerDefect),
            [.. rows.Where(r => r.Outcome == CaseOutcome.Fail)],
            [.. rows.Where(r => r.Outcome == CaseOutcome.PeerDefect)]);
    }
}
