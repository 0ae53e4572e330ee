using Conformance.Reporting.Results;

namespace Conformance.Interop.Tests.Matrix;

/// <summary>
/// Ends a matrix test the way its row says: pass; fail with the row's message; not-applicable as Ignored
/// with its reason (never a pass); peer-defect with NUnit's warning (not a pass, not a failure). Evidence
/// files are attached; timings and the budget verdict go to the test's output.
/// </summary>
internal static class NUnitOutcome
{
    public static void Report(CaseResult row, string resultsDirectory)
    {
        ArgumentNullException.ThrowIfNull(row);
        TestContext.Out.WriteLine($"{row.Id} [{row.DebianSuite}, {row.Peer} {row.PeerVersion}]: {row.Outcome} in {row.DurationMs:F0} ms");
        TestContext.Out.WriteLine(row.Message);
        if (row.Timings is { } timings)
        {
            TestContext.Out.WriteLine($"{timings.Operation}: n={timings.Count} p50={timings.P50Ms:F2} ms p95={timings.P95Ms:F2} ms max={timings.MaxMs:F2} ms; budget {row.Budget.Verdict}: {row.Budget.Message}");
        }

        foreach (var file in row.Evidence)
        {
            TestContext.AddTestAttachment(Path.GetFullPath(file, resultsDirectory), Path.GetFileName(file));
        }

        switch (row.Outcome)
        {
            case CaseOutcome.Fail:
                Assert.Fail(row.Message);
                break;
            case CaseOutcome.NotApplicable:
                Assert.Ignore($"not applicable: {row.Message}");
                break;
            case CaseOutcome.PeerDefect:
                Assert.Warn($"peer defect {row.Defect}: {row.Message}");
                break;
        }
    }
}
