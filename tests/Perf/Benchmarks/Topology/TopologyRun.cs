using Conformance.Benchmarks.Throughput;
using Conformance.Benchmarks.Shared;

namespace Conformance.Benchmarks.Topologies;

/// <summary>
/// One run of one configuration: the wall time on our side (storescu's whole process; our SCU from the first file
/// read to release), and the same transfer as storescp's log saw it (<see cref="StoreScpLog"/>; null for raw TCP).
/// </summary>
public sealed record TopologyRun(RunResult Wall, RunResult? Seen);
