using Conformance.Budgets.Rules;

namespace Conformance.Budgets;

/// <summary>
/// The suite's timing budget for one case (docs/budgets.md): per-operation latencies judged against the
/// reference pair and the link, measured in the same run. Three rules, each relative: the tail rule
/// (operations a stall-sized margin over the reference, beyond the reference's own share), the set-up rule
/// (host-name lookup) and the slowness rule (the total against the reference's). A verdict needs
/// <see cref="MinimumOperations"/> operations; a failure names its signature, its count and the evidence.
/// </summary>
public static class OperationBudget
{
    public const int MinimumOperations = BudgetThresholds.MinimumOperations;

    public static BudgetVerdict Evaluate(BudgetInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var operations = input.Operations;
        var name = input.OperationName ?? "operations";
        var latency = operations.Count == 0 ? null : LatencySummary.From(operations);
        var baseline = Baseline.From(input);
        if (operations.Count < MinimumOperations)
        {
            return new BudgetVerdict(BudgetVerdictKind.NoVerdict, StallSignature.None, operations.Count, 0,
                $"{operations.Count} {name}; a verdict needs {MinimumOperations}: latencies recorded, no verdict{Suffix(latency)}", latency)
            {
                ReferenceLatency = baseline.Reference, Reference = baseline.Description, Evidence = input.Evidence,
            };
        }

        var tail = TailRule.Apply(operations, input.Reference, baseline);
        var setups = SetupRule.Apply(input);
        var slowness = SlownessRule.Apply(operations, baseline);
        var gaps = GapProfile.From(input.Gaps);
        var findings = new List<string>();
        var signature = StallSignature.None;
        if (tail.Fails)
        {
            signature = StallClassifier.Classify(tail.Excesses, gaps);
            findings.Add($"{signature.Describe()}: {tail.Stalled} of {operations.Count} {name} {tail.ExcessRange()} ms over the reference{gaps.Describe(signature)}");
        }

        if (setups is { Fails: true })
        {
            signature = signature == StallSignature.None ? StallSignature.HostLookup : signature;
            findings.Add(FormattableString.Invariant(
                $"host-name lookup: association set-up +{setups.MedianExcess.TotalSeconds:F1} s on {setups.Slow} of {setups.Count} associations (reference set-up {setups.Reference.TotalMilliseconds:F1} ms)"));
        }

        if (slowness.Fails)
        {
            signature = signature == StallSignature.None ? StallSignature.Slow : signature;
            findings.Add(FormattableString.Invariant(
                $"slow against the reference: total {slowness.Total.TotalSeconds:F2} s against {slowness.ReferenceTotal.TotalSeconds:F2} s ({slowness.Ratio:F1}x), +{slowness.ExcessPerOperation.TotalMilliseconds:F1} ms per {Singular(name)}"));
        }

        var margins = new BudgetMargins(tail.OverReference, tail.Limit, slowness.Ratio, slowness.ExcessPerOperation.TotalMilliseconds, setups?.Slow ?? 0, setups?.Limit ?? 0);
        var failed = findings.Count > 0;
        var stalled = tail.Fails || setups is not { Fails: true } ? tail.Stalled : setups.Slow;
        var message = failed
            ? $"{string.Join("; ", findings)} (against {baseline.Description}; reference {tail.ReferenceStalled} of {tail.ReferenceCount} over the line){Suffix(latency)}{EvidenceText(input.Evidence)}"
            : FormattableString.Invariant(
                $"within budget: {tail.Stalled} of {operations.Count} {name} over the stall line {baseline.StallLine.TotalMilliseconds:F1} ms (reference {tail.ReferenceStalled} of {tail.ReferenceCount}), total {slowness.Ratio:F2}x the reference (against {baseline.Description}){Suffix(latency)}");
        return new BudgetVerdict(failed ? BudgetVerdictKind.Fail : BudgetVerdictKind.Pass, signature, operations.Count, stalled, message, latency)
        {
            ReferenceLatency = baseline.Reference,
            Reference = baseline.Description,
            Margins = margins,
            StallHolder = gaps.Holder,
            Evidence = input.Evidence,
        };
    }

    /// <summary>
    /// Who is at fault for a failed budget (the matrix's outcome): <see cref="BudgetAttribution.PeerDefect"/>
    /// when the reference SUT (DCMTK, TCP_NODELAY=1) shows the same stall against the same peer on the same
    /// topology, or the capture shows only the peer's writes held; otherwise the failure is the SUT's.
    /// </summary>
    /// <param name="sut">The verdict on the system under test against the peer.</param>
    /// <param name="referenceSutWithSamePeer">The verdict on the reference SUT against the same peer and topology; null when not run.</param>
    public static AttributedVerdict Attribute(BudgetVerdict sut, BudgetVerdict? referenceSutWithSamePeer)
    {
        ArgumentNullException.ThrowIfNull(sut);
        switch (sut.Kind)
        {
            case BudgetVerdictKind.Pass:
                return new AttributedVerdict(BudgetAttribution.Pass, sut, sut.Message);
            case BudgetVerdictKind.NoVerdict:
                return new AttributedVerdict(BudgetAttribution.NoVerdict, sut, sut.Message);
        }

        if (referenceSutWithSamePeer is { Kind: BudgetVerdictKind.Fail } reference && reference.Signature == sut.Signature)
        {
            return new AttributedVerdict(BudgetAttribution.PeerDefect, sut,
                $"peer-defect: the reference SUT shows the same {sut.Signature.Describe()} against this peer ({reference.StalledOperations} of {reference.Operations}); {sut.Message}");
        }

        return sut.StallHolder == WireSide.Peer
            ? new AttributedVerdict(BudgetAttribution.PeerDefect, sut, $"peer-defect: the capture shows only the peer's writes held in the stall-sized gaps; {sut.Message}")
            : new AttributedVerdict(BudgetAttribution.Fail, sut, sut.Message);
    }

    private static string Suffix(LatencySummary? latency) => latency is null ? "" : $"; {latency}";

    private static string EvidenceText(IReadOnlyList<string> evidence) => evidence.Count == 0 ? "" : $"; evidence: {string.Join(", ", evidence)}";

    private static string Singular(string name) => name == "operations" ? "operation" : name;
}
