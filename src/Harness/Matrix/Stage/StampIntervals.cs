using System.Diagnostics;

namespace Conformance.Harness.Matrix.Stage;

/// <summary>Per-operation times from <see cref="Stopwatch"/> stamps: the gap from each stamp to the next.</summary>
public static class StampIntervals
{
    /// <summary>Intervals between successive stamps, the first from <paramref name="start"/> (per-operation times at a receiver).</summary>
    public static IReadOnlyList<TimeSpan> From(long start, IReadOnlyList<long> stamps)
    {
        ArgumentNullException.ThrowIfNull(stamps);
        var intervals = new List<TimeSpan>(stamps.Count);
        var last = start;
        foreach (var stamp in stamps)
        {
            intervals.Add(Stopwatch.GetElapsedTime(last, stamp));
            last = stamp;
        }

        return intervals;
    }
}
