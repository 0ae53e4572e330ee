using System.Globalization;

namespace Conformance.Benchmarks.Shared;

/// <summary>The options every measuring subcommand has: where NAME.md/.json and the plots go, and its scratch space.</summary>
public abstract record BenchmarkOptions
{
    protected BenchmarkOptions(string subcommand) =>
        WorkDirectory = Path.Combine(Path.GetTempPath(), $"conformance-{subcommand}-" + Environment.ProcessId.ToString(CultureInfo.InvariantCulture));

    /// <summary>Where the report, JSON and PNGs go.</summary>
    public string OutputDirectory { get; init; } = Path.Combine("docs", "benchmarks");

    /// <summary>Scratch space for the generated files and the receivers' output (one file system for all), deleted at the end.</summary>
    public string WorkDirectory { get; init; }
}
