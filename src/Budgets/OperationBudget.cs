using Conformance.Budgets.Rules;

namespace Conformance.Budgets;

/// <summary>
/// The suite's timing budget for one case (docs/budgets.md): per-operation latencies judged against the
/// reference pair and the link, measured in the same run. Four rules, each relative to the reference: the
/// tail rule (operations a stall-sized margin over the reference, beyond the reference's own share), the
/// timer rule (timer gaps on the wire, beyond the reference's), the set-up rule (host-name lookup) and the
/// slowness rule (the total against the reference's). A verdict needs <see cref="MinimumOperations"/>
/// operations; a failure names its signature, its count and the evidence.
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
                $"{operations.Count} {name}; a verdict needs {MinimumOperations}: latencies recorded, no verdict{VerdictText.Suffix(latency)}", latency)
            {
                ReferenceLatency = baseline.Reference, Reference = baseline.Description, Evidence = input.Evidence,
            };
        }

        var tail = TailRule.Apply(operations, input.Reference, baseline);
        var gaps = GapProfile.From(input.Gaps);
        var timers = TimerRule.Apply(gaps, input);
        var setups = SetupRule.Apply(input);
        var slowness = SlownessRule.Apply(operations, baseline);
        var findings = new List<(StallSignature Signature, bool Physical, string Text)>();
        if (tail.Fails || timers.Fails)
        {
            var signature = StallClassifier.Classify(tail.Excesses, gaps, timers.Fails);
            findings.Add((signature, timers.Fails, VerdictText.Stall(signature, tail, timers, gaps, operations.Count, name)));
        }

        if (setups is { Fails: true })
        {
            findings.Add((StallSignature.HostLookup, true, VerdictText.HostLookup(setups)));
        }

        if (slowness.Fails)
        {
            findings.Add((StallSignature.Slow, false, VerdictText.Slowness(slowness, name)));
        }

        // What the wire or the set-ups prove comes first and names the verdict; latency-only findings follow.
        findings = [.. findings.OrderByDescending(f => f.Physical)];
        var failed = findings.Count > 0;
        var confirmedByPhysics = findings.Any(f => f.Physical);
        var stalled = tail.Fails || setups is not { Fails: true } ? tail.Stalled : setups.Slow;
        var message = failed
            ? VerdictText.Failure([.. findings.Select(f => f.Text)], baseline, tail, latency, input.Evidence, confirmedByPhysics)
            : VerdictText.Pass(tail, timers, slowness, baseline, latency, operations.Count, name);
        return new BudgetVerdict(failed ? BudgetVerdictKind.Fail : BudgetVerdictKind.Pass, failed ? findings[0].Signature : StallSignature.None, operations.Count, stalled, message, latency)
        {
            ReferenceLatency = baseline.Reference,
            Reference = baseline.Description,
            Margins = new BudgetMargins(tail.OverReference, tail.Limit, slowness.Ratio, slowness.ExcessPerOperation.TotalMilliseconds, setups?.Slow ?? 0, setups?.Limit ?? 0)
            {
                TimerGapsOverReference = timers.OverReference,
                TimerGapsLimit = timers.Limit,
            },
            StallHolder = gaps.Holder,
            Evidence = input.Evidence,
            NeedsConfirmation = failed && !confirmedByPhysics,
        };
    }

    /// <summary>
    /// Decides a failure that <see cref="BudgetVerdict.NeedsConfirmation"/>: <paramref name="second"/> judges a
    /// new measurement of the same exchange against a new measurement of the reference. Only a failure that
    /// comes back stays a failure; one that does not was the machine, and the verdict says so.
    /// </summary>
    public static BudgetVerdict Confirm(BudgetVerdict first, BudgetVerdict second)
    {
        ArgumentNullException.ThrowIfNull(first);
        ArgumentNullException.ThrowIfNull(second);
        if (!first.NeedsConfirmation)
        {
            return first;
        }

        return second.Failed
            ? second with { NeedsConfirmation = false, Message = $"{second.Message} (reproduced by a second measurement; the first: {first.Message})" }
            : second with { Message = $"{second.Message} (a first measurement failed without timer evidence and did not reproduce: {first.Message})" };
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
            ? new AttributedVerdict(BudgetAttribution.PeerDefect, sut, $"peer-defect: the capture shows only the peer's writes held in the timer gaps; {sut.Message}")
            : new AttributedVerdict(BudgetAttribution.Fail, sut, sut.Message);
    }
}
