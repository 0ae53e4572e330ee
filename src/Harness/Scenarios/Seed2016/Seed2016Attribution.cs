using Conformance.Budgets;

namespace Conformance.Harness.Scenarios.Seed2016;

/// <summary>
/// Who is at fault in the C-MOVE rows whose destination is a peer tool's storage SCP (movescu's, gdcmscu's): the
/// sub-operations' pace there is partly the peer's, so each such row is also set against the <b>reference SUT's
/// exchange with the same peer</b>: dcmqrscp with the fix (DCMTK, TCP_NODELAY=1) moving to that SCU, same
/// topology, same run (docs/budgets.md, "The 2016 scenario"):
/// <list type="bullet">
/// <item>a stall the wire proves (timer gaps, slow set-ups) is judged as in the matrix
/// (<see cref="OperationBudget.Attribute"/>): the reference SUT's row with the same signature, or only the peer's
/// writes held, make it <c>peer-defect</c>; otherwise it stays a failure;</item>
/// <item>a failure on latencies alone (<c>slow</c>, <c>unclassified</c>) is the peer's pace when it is the reference
/// SUT's own row, when the row is within budget judged against the reference SUT's row instead of the
/// storescu -> storescp pair, or when the sender's part alone (each sub-operation less the receiver's turn after the
/// data set's last byte, from the capture) is within budget against the reference SUT's sender's part: the time went
/// to the peer's storage SCP, which the same peer spends at its own pace from one measurement to the next;
/// otherwise it stays a failure.</item>
/// </list>
/// Rows whose destination is ours, and the C-STORE row, keep their verdict.
/// </summary>
public static class Seed2016Attribution
{
    /// <summary>The rows with <see cref="Seed2016Row.Attribution"/> set where the rule applies.</summary>
    /// <param name="rows">One topology's rows (or several: each is matched within its own topology).</param>
    /// <param name="againstReferenceSut">The row's measurement judged against the reference SUT row's; null when either was not measured.</param>
    /// <param name="sendersPartAgainstReferenceSut">
    /// The row's sender's part judged against the reference SUT row's sender's part; null when either capture cannot
    /// split its sub-operations (or not given).
    /// </param>
    public static IReadOnlyList<Seed2016Row> Apply(
        IReadOnlyList<Seed2016Row> rows,
        Func<Seed2016Row, Seed2016Row, BudgetVerdict?> againstReferenceSut,
        Func<Seed2016Row, Seed2016Row, BudgetVerdict?>? sendersPartAgainstReferenceSut = null)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(againstReferenceSut);
        var judges = new ReferenceSutJudges(againstReferenceSut, sendersPartAgainstReferenceSut ?? ((_, _) => null));
        return [.. rows.Select(row => row is { Scu: MoveScuKind.Movescu or MoveScuKind.Gdcmscu, Verdict: not null }
            ? row with { Attribution = Attribute(row, ReferenceSutRow(rows, row), judges) }
            : row)];
    }

    /// <summary>dcmqrscp with the fix moving to the same SCU's storage SCP on the same topology.</summary>
    public static Seed2016Row? ReferenceSutRow(IReadOnlyList<Seed2016Row> rows, Seed2016Row row)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(row);
        return rows.FirstOrDefault(r => r.Topology == row.Topology && r.Setting == FixSetting.WithFix && r.Scu == row.Scu && r.Scp == MoveScpKind.Dcmqrscp && r.Verdict is not null);
    }

    private static AttributedVerdict Attribute(Seed2016Row row, Seed2016Row? reference, ReferenceSutJudges judges)
    {
        var verdict = row.Verdict!;
        var isReference = ReferenceEquals(row, reference);
        if (!verdict.Failed || !LatencyOnly(verdict.Signature))
        {
            return OperationBudget.Attribute(verdict, isReference ? null : reference?.Verdict);
        }

        if (isReference)
        {
            return new AttributedVerdict(BudgetAttribution.PeerDefect, verdict,
                $"peer-defect: this is the reference SUT (dcmqrscp, TCP_NODELAY=1) against this peer, and no timer explains it: the peer's own pace; {verdict.Message}");
        }

        if (reference is not null && judges.Whole(row, reference) is { Kind: BudgetVerdictKind.Pass } paced)
        {
            return new AttributedVerdict(BudgetAttribution.PeerDefect, verdict,
                $"peer-defect: slow only against the reference pair; against the reference SUT's exchange with this peer ({reference.Exchange}, {FixSetting.WithFix.Key}) {paced.Message}; {verdict.Message}");
        }

        if (reference is not null && judges.SendersPart(row, reference) is { Kind: BudgetVerdictKind.Pass } sendersPart)
        {
            return new AttributedVerdict(BudgetAttribution.PeerDefect, verdict,
                $"peer-defect: the time is the receiver's ({row.ReceiverTurn() ?? "the receiver's turn"}); the sender's part alone, against the reference SUT's with this peer ({reference.Exchange}, {FixSetting.WithFix.Key}), {sendersPart.Message}; {verdict.Message}");
        }

        return new AttributedVerdict(BudgetAttribution.Fail, verdict,
            reference is null ? verdict.Message : $"{verdict.Message}; also over budget against the reference SUT's exchange with this peer ({reference.Exchange}, {FixSetting.WithFix.Key})");
    }

    private sealed record ReferenceSutJudges(Func<Seed2016Row, Seed2016Row, BudgetVerdict?> Whole, Func<Seed2016Row, Seed2016Row, BudgetVerdict?> SendersPart);

    /// <summary>Failures no timer or set-up proves: what a peer's slow storage SCP produces.</summary>
    private static bool LatencyOnly(StallSignature signature) => signature is StallSignature.Slow or StallSignature.Unclassified;
}
