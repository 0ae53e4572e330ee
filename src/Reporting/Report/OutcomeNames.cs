using Conformance.Reporting.Results;

namespace Conformance.Reporting.Report;

/// <summary>Outcomes as the reports write them (the results.json words) and how they rank in a matrix cell.</summary>
public static class OutcomeNames
{
    public static string Of(CaseOutcome outcome) => outcome switch
    {
        CaseOutcome.Pass => "pass",
        CaseOutcome.Fail => "fail",
        CaseOutcome.NotApplicable => "not-applicable",
        CaseOutcome.PeerDefect => "peer-defect",
        _ => outcome.ToString(),
    };

    /// <summary>A cell shows its worst case: fail, then peer-defect, then pass, then not-applicable.</summary>
    public static int Severity(CaseOutcome outcome) => outcome switch
    {
        CaseOutcome.Fail => 3,
        CaseOutcome.PeerDefect => 2,
        CaseOutcome.Pass => 1,
        _ => 0,
    };

    /// <summary>The budget's signature when it named one (a stall), else null.</summary>
    public static string SignatureOf(CaseResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return result.Budget.Signature ?? (result.Budget.Verdict == BudgetOutcome.Fail ? "timing budget exceeded" : "none (not a timing failure)");
    }
}
