using System.Globalization;
using Conformance.Budgets;

namespace Conformance.Harness.Scenarios.Seed2016;

/// <summary>One exchange of the 2016 scenario under one setting on one topology: what was measured and judged, or why it could not be.</summary>
public sealed record Seed2016Row(string Topology, FixSetting Setting, string Exchange, int Images, ExchangeMeasurement? Measurement, BudgetVerdict? Verdict, string? Error)
{
    /// <summary>"4.71 s, 47.1 ms/image, FAIL nagle-delayed-ack 98/100" or what went wrong.</summary>
    public string Cell()
    {
        if (Error is not null)
        {
            return "error (see below)";
        }

        var operations = Measurement!.Operations;
        if (operations.Count != Images)
        {
            return string.Create(CultureInfo.InvariantCulture, $"incomplete: {operations.Count} of {Images} sub-operations seen");
        }

        var total = operations.Sum(o => o.TotalSeconds);
        var perImage = Percentile.Of(operations, 0.50).TotalMilliseconds;
        var verdict = Verdict!.Kind == BudgetVerdictKind.Fail
            ? $"FAIL {Verdict.Signature.Key()} {Verdict.StalledOperations}/{Verdict.Operations}"
            : Verdict.Kind == BudgetVerdictKind.Pass ? "pass" : "no verdict";
        return string.Create(CultureInfo.InvariantCulture, $"{total:F2} s, {perImage:F1} ms/image, {verdict}");
    }
}
