using Conformance.Benchmarks.Throughput;
using Conformance.Benchmarks.Shared;

namespace Conformance.Benchmarks.Scaling;

/// <summary>
/// One transfer of one configuration at one point of a sweep (<see cref="X"/>: images, object bytes or associations)
/// in one round. <see cref="StoreMs"/>: each C-STORE at our SCU, request handed to the association to its response
/// (pipelined requests wait in the window too). Memory: null for raw TCP.
/// </summary>
public sealed record ScalingMeasurement(
    string Sweep, string Configuration, long X, int Round, RunResult Transfer, IReadOnlyList<double> StoreMs, SideMemory? Scp, SideMemory? Scu);

/// <summary>The configurations of every sweep; raw TCP of the same bytes is the baseline of its round.</summary>
public static class ScalingConfigurations
{
    public const string RawTcp = "raw-tcp";
    public const string OursDiscard = "ours-discard";
    public const string OursDisk = "ours-disk";

    public static IReadOnlyList<string> All { get; } = [RawTcp, OursDiscard, OursDisk];

    public static string Title(string id) => id switch
    {
        RawTcp => "raw TCP, same bytes (baseline)",
        OursDiscard => "our SCU -> our SCP (discard)",
        OursDisk => "our SCU -> our SCP (disk + index)",
        _ => id,
    };
}

/// <summary>The three sweeps' names.</summary>
public static class ScalingSweeps
{
    public const string Count = "count";
    public const string Size = "size";
    public const string Concurrency = "concurrency";
}
