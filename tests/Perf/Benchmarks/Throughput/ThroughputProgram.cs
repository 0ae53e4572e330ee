namespace Conformance.Benchmarks.Throughput;

/// <summary>Entry point of the throughput runner (filled in below).</summary>
public static class ThroughputProgram
{
    public static Task<int> RunAsync(string[] args) => Task.FromResult(args.Length);
}
