using System.Diagnostics;
using Conformance.Benchmarks.Throughput;
using Conformance.Benchmarks.Shared;

namespace Conformance.Benchmarks.Scaling;

/// <summary>The baseline of a point: the same data set bytes over raw TCP (<see cref="RawTcpBaseline"/>), one connection per association, all concurrently.</summary>
public static class RawTransfer
{
    public static async Task<RunResult> RunAsync(IReadOnlyList<IReadOnlyList<SizedFile>> filesPerAssociation, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(filesPerAssociation);
        var started = Stopwatch.GetTimestamp();
        await Task.WhenAll(filesPerAssociation.Select(f => RawTcpBaseline.RunAsync(f.Sum(x => x.DatasetBytes), f.Count, ct))).ConfigureAwait(false);
        var seconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
        return new RunResult(seconds, filesPerAssociation.Sum(f => f.Count), filesPerAssociation.Sum(f => f.Sum(x => x.DatasetBytes)), []);
    }
}
