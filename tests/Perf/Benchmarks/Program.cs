using BenchmarkDotNet.Running;
using Conformance.Benchmarks.Throughput;

// `throughput [--images N] [--out DIR] ...` runs the end-to-end network measurement; anything else goes
// to BenchmarkDotNet's switcher (e.g. `--filter '*' --job short`).
if (args.Length > 0 && args[0] == "throughput")
{
    return await ThroughputProgram.RunAsync(args[1..]).ConfigureAwait(false);
}

BenchmarkSwitcher.FromAssembly(typeof(ThroughputProgram).Assembly).Run(args);
return 0;
