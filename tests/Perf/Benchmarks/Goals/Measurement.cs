using Conformance.Benchmarks.Throughput;
using Conformance.Benchmarks.Shared;

namespace Conformance.Benchmarks.Goals;

/// <summary>
/// One configuration's timings, kept per round (a transfer: one run per round; a C-ECHO process: several),
/// so that every ratio is taken against its baseline in the same round.
/// </summary>
public sealed class Measurement(string id, string title, string group, int items, long bytes)
{
    public string Id { get; } = id;

    public string Title { get; } = title;

    /// <summary>The goal's section ("ct", "small", "raw", "nagle", "echo").</summary>
    public string Group { get; } = group;

    /// <summary>Objects per transfer (1 for a C-ECHO process).</summary>
    public int Items { get; } = items;

    public long Bytes { get; } = bytes;

    /// <summary>Seconds per run, one list per round.</summary>
    public List<List<double>> Rounds { get; } = [];

    /// <summary>What the last run found at the receiver.</summary>
    public string Checked { get; set; } = "";

    public Samples Seconds => new(Rounds.SelectMany(r => r));

    /// <summary>The round's figure per object: its one run, or the median of its runs, over <see cref="Items"/> (so a
    /// durable run of fewer objects compares with a full one).</summary>
    public double RoundValue(int round) => new Samples(Rounds[round]).Median / Items;

    public void Add(int round, double seconds)
    {
        while (Rounds.Count <= round)
        {
            Rounds.Add([]);
        }

        Rounds[round].Add(seconds);
    }
}
