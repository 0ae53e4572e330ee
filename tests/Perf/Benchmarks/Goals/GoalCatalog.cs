namespace Conformance.Benchmarks.Goals;

/// <summary>How a goal turns the ratio of a configuration to its baseline into met / not met.</summary>
public enum GoalKind
{
    /// <summary>Time ratio below 1.</summary>
    Faster,

    /// <summary>Time ratio at most the threshold.</summary>
    Within,

    /// <summary>Throughput ratio (baseline time over this time, same bytes) at least the threshold.</summary>
    ThroughputAtLeast,

    /// <summary>No goal: the ratio says what something costs.</summary>
    Cost,
}

/// <summary>One goal of issue 8 as a ratio of a configuration to a baseline measured in the same round.</summary>
public sealed record Goal(string Number, string Text, string ConfigurationId, string BaselineId, GoalKind Kind, double Threshold = 1)
{
    /// <summary>This round's ratio: time over baseline time, or for throughput goals baseline time over this time.</summary>
    public double Ratio(double seconds, double baselineSeconds) =>
        Kind == GoalKind.ThroughputAtLeast ? baselineSeconds / seconds : seconds / baselineSeconds;

    public bool? Met(double ratio) => Kind switch
    {
        GoalKind.Faster => ratio < 1,
        GoalKind.Within => ratio <= Threshold,
        GoalKind.ThroughputAtLeast => ratio >= Threshold,
        _ => null,
    };

    public string Target => Kind switch
    {
        GoalKind.Faster => "time ratio < 1",
        GoalKind.Within => $"time ratio <= {Threshold:0.##}",
        GoalKind.ThroughputAtLeast => $"throughput ratio >= {Threshold:0.##}",
        _ => "(cost, no goal)",
    };
}

/// <summary>The goals, by the configurations of <see cref="GoalsRunner"/>.</summary>
public static class GoalCatalog
{
    public static IReadOnlyList<Goal> For(IEnumerable<Measurement> echoes) =>
    [
        new("1a", "storescu -> `conformance scp --storage DIR` faster than storescu -> storescp, CT", "ct-storescu-ourscp", "ct-storescu-storescp", GoalKind.Faster),
        new("1b", "storescu -> `conformance scp --storage DIR` faster than storescu -> storescp, small objects", "small-storescu-ourscp", "small-storescu-storescp", GoalKind.Faster),
        new("1c", "what `--durable` (fsync) costs, CT: durable over not durable, per image", "ct-storescu-ourscp-durable", "ct-storescu-ourscp", GoalKind.Cost),
        new("1d", "what `--durable` (fsync) costs, small objects: durable over not durable, per object", "small-storescu-ourscp-durable", "small-storescu-ourscp", GoalKind.Cost),
        new("2a", "our SCU -> our SCP (discard) in process: at least half of raw TCP", "inproc-ours-discard", "inproc-raw-tcp", GoalKind.ThroughputAtLeast, 0.5),
        new("2b", "`conformance store` -> `conformance scp --storage discard`, whole processes: at least half of raw TCP processes", "process-store-discard", "process-raw-tcp", GoalKind.ThroughputAtLeast, 0.5),
        new("3a", "our SCU -> storescp with DCMTK defaults (Nagle on), in process: per image within 1.5x of storescu -> storescp (both TCP_NODELAY=1)", "inproc-ours-storescp-default", "inproc-storescu-storescp", GoalKind.Within, 1.5),
        new("3b", "`conformance store` -> storescp with DCMTK defaults, whole processes: per image within 1.5x of storescu -> storescp (both TCP_NODELAY=1)", "process-store-storescp-default", "ct-storescu-storescp", GoalKind.Within, 1.5),
        new("3c", "`conformance store` -> storescp (TCP_NODELAY=1) faster than storescu -> storescp, whole processes (issue 8, same host)", "process-store-storescp", "ct-storescu-storescp", GoalKind.Faster),
        .. echoes.Select((e, i) => new Goal($"4{(char)('a' + i)}", $"`conformance echo` whole process within 3x of echoscu's: {e.Title}", e.Id, EchoStartup.EchoScuId, GoalKind.Within, 3)),
    ];
}
