using BenchmarkDotNet.Running;
using Conformance.Benchmarks.Goals;
using Conformance.Benchmarks.Scaling;
using Conformance.Benchmarks.Throughput;
using Conformance.Benchmarks.Topologies;

// `throughput`, `goals`, `scaling` and `topology` run the end-to-end network measurements; anything else goes
// to BenchmarkDotNet's switcher (e.g. `--filter '*' --job short`).
if (args.Length > 0 && args[0] == "goals")
{
    return await GoalsProgram.RunAsync(args[1..]).ConfigureAwait(false);
}

if (args.Length > 0 && args[0] == "throughput")
{
    return await ThroughputProgram.RunAsync(args[1..]).ConfigureAwait(false);
}

if (args.Length > 0 && args[0] == "scaling")
{
    return await ScalingProgram.RunAsync(args[1..]).ConfigureAwait(false);
}

if (args.Length > 0 && args[0] == "topology")
{
    return await TopologyProgram.RunAsync(args[1..]).ConfigureAwait(false);
}

// The assembly name (Conformance.Benchmarks) differs from the project file name, which BenchmarkDotNet's
// out-of-process toolchain needs to match; run in process unless a runtime/toolchain is named.
var toolchainNamed = args.Any(a => a is "--inProcess" or "-r" or "--runtimes" or "--list" or "--help");
BenchmarkSwitcher.FromAssembly(typeof(ThroughputProgram).Assembly).Run(toolchainNamed ? args : [.. args, "--inProcess"]);
return 0;
