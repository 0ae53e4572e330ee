using System.Globalization;
using Conformance.Budgets;

namespace Conformance.Perf.Tests;

/// <summary>
/// One line per judged exchange, tab-separated, for the no-false-alarm record (docs/budgets.md): the file named by
/// CONFORMANCE_BUDGET_RECORD, else budget-verdicts.tsv in the test work directory.
/// </summary>
internal static class VerdictRecord
{
    public const string Variable = "CONFORMANCE_BUDGET_RECORD";
    private const string Header = "topology\tcanary\texchange\trole\tverdict\tsignature\toperations\tstalled\tstalled_over_reference\tstalled_limit\ttimer_gaps_over_reference\ttimer_gaps_limit\ttotal_ratio\texcess_ms_per_op\tslow_setups\tp50_ms\tp95_ms\tmax_ms\treference_p50_ms\tmessage";
    private static readonly Lock Gate = new();

    public static string Path => Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } configured
        ? configured
        : System.IO.Path.Combine(TestContext.CurrentContext.WorkDirectory, "budget-verdicts.tsv");

    public static void Add(string topology, string canary, string exchange, string role, BudgetVerdict verdict)
    {
        var m = verdict.Margins;
        string[] fields =
        [
            topology, canary, exchange, role, verdict.Kind.ToString(), verdict.Signature.Key() ?? "none",
            I(verdict.Operations), I(verdict.StalledOperations), I(m?.StalledOverReference ?? 0), I(m?.StalledLimit ?? 0), I(m?.TimerGapsOverReference ?? 0), I(m?.TimerGapsLimit ?? 0),
            F(m?.TotalRatio ?? 0), F(m?.ExcessPerOperationMs ?? 0), I(m?.SlowSetups ?? 0),
            F(verdict.Latency?.P50.TotalMilliseconds ?? 0), F(verdict.Latency?.P95.TotalMilliseconds ?? 0), F(verdict.Latency?.Max.TotalMilliseconds ?? 0),
            F(verdict.ReferenceLatency?.P50.TotalMilliseconds ?? 0), verdict.Message.Replace('\t', ' '),
        ];
        lock (Gate)
        {
            if (!File.Exists(Path))
            {
                File.WriteAllText(Path, Header + "\n");
            }

            File.AppendAllText(Path, string.Join('\t', fields) + "\n");
        }
    }

    private static string I(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static string F(double value) => value.ToString("F2", CultureInfo.InvariantCulture);
}
