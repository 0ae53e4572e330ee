using Conformance.Budgets;
using Conformance.Harness.Scenarios.Wire;
using Conformance.Harness.Topologies;

namespace Conformance.Harness.Scenarios;

/// <summary>
/// One timed exchange read from its capture: per-operation latencies, association set-ups and wire gaps, which
/// end was the system under test, and the evidence files (capture, peer log, summary).
/// </summary>
public sealed record ExchangeMeasurement(string Name, WireTimeline Timeline, WireEnd SutEnd, IReadOnlyList<string> Evidence, string CaptureSummary)
{
    public IReadOnlyList<TimeSpan> Operations => Timeline.Operations;

    /// <summary>What the exchange's tool said beyond its operations (e.g. gdcmscu's abort), for the report; null when nothing.</summary>
    public string? Note { get; init; }

    /// <summary>The budget's input for this exchange, judged against a reference exchange on the same topology and the topology's link.</summary>
    public BudgetInput ToBudgetInput(ExchangeMeasurement? reference, LinkMeasurement? link, long bytesPerOperation, string operationName) => new()
    {
        Operations = Operations,
        Reference = reference?.Operations,
        ReferenceLabel = reference?.Name,
        AssociationSetups = Timeline.Setups,
        ReferenceAssociationSetups = reference?.Timeline.Setups,
        Gaps = Timeline.GapsFor(SutEnd),
        ReferenceGaps = reference?.Timeline.GapsFor(reference.SutEnd),
        LinkRoundTrip = link?.RoundTrip ?? TimeSpan.Zero,
        LinkThroughputMbit = link?.ThroughputMbit,
        BytesPerOperation = bytesPerOperation,
        OperationName = operationName,
        Evidence = Evidence,
    };

    /// <summary>
    /// The budget's input for the sender's part alone: each operation less the receiver's turn (the client's part when
    /// the client sends, as a C-MOVE SCP's sub-operations do), here and in <paramref name="reference"/>; null when
    /// either capture cannot split its operations.
    /// </summary>
    public BudgetInput? ToClientPartInput(ExchangeMeasurement reference, LinkMeasurement? link, long bytesPerOperation, string operationName)
    {
        ArgumentNullException.ThrowIfNull(reference);
        return Timeline.ClientParts() is { } parts && reference.Timeline.ClientParts() is { } referenceParts
            ? ToBudgetInput(reference, link, bytesPerOperation, operationName) with { Operations = parts, Reference = referenceParts }
            : null;
    }

    public override string ToString() => $"{Name}: {Timeline}{(CaptureSummary.Length == 0 ? "" : $" [{CaptureSummary}]")}";
}
