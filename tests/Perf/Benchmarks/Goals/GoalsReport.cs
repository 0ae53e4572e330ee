using Conformance.Benchmarks.Throughput;
using Conformance.Benchmarks.Shared;

namespace Conformance.Benchmarks.Goals;

/// <summary>One goal's outcome: the per-round ratios to its baseline and the verdict on their median.</summary>
public sealed record GoalOutcome(Goal Goal, Measurement Configuration, Measurement Baseline, IReadOnlyList<double> RoundRatios)
{
    public Samples Ratios => new(RoundRatios);

    public bool? Met => Goal.Met(Ratios.Median);

    public string Verdict => Met switch
    {
        true => "met",
        false => "not met",
        null => "-",
    };
}

/// <summary>Everything one <c>goals</c> run measured.</summary>
public sealed class GoalsReport(
    MachineInfo machine, GoalsOptions options, CliBinary cli, IReadOnlyList<Measurement> measurements, IReadOnlyList<Goal> goals,
    long ctFileBytes, long smallFileBytes) : IBenchmarkReport
{
    public MachineInfo Machine { get; } = machine;

    public GoalsOptions Options { get; } = options;

    public CliBinary Cli { get; } = cli;

    public IReadOnlyList<Measurement> Measurements { get; } = measurements;

    public long CtFileBytes { get; } = ctFileBytes;

    public long SmallFileBytes { get; } = smallFileBytes;

    public DateTime MeasuredUtc { get; init; } = DateTime.UtcNow;

    public string CommandLine { get; set; } = "";

    public IReadOnlyList<GoalOutcome> Outcomes { get; } = [.. goals.Select(g => Outcome(g, measurements))];

    public Measurement Get(string id) => Measurements.First(m => m.Id == id);

    private static GoalOutcome Outcome(Goal goal, IReadOnlyList<Measurement> measurements)
    {
        var configuration = measurements.First(m => m.Id == goal.ConfigurationId);
        var baseline = measurements.First(m => m.Id == goal.BaselineId);
        var rounds = Math.Min(configuration.Rounds.Count, baseline.Rounds.Count);
        var ratios = Enumerable.Range(0, rounds).Select(r => goal.Ratio(configuration.RoundValue(r), baseline.RoundValue(r))).ToList();
        return new GoalOutcome(goal, configuration, baseline, ratios);
    }
}
