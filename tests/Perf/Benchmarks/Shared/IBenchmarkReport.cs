namespace Conformance.Benchmarks.Shared;

/// <summary>What every measuring subcommand's report begins with: when, by which command, on which machine.</summary>
public interface IBenchmarkReport
{
    MachineInfo Machine { get; }

    DateTime MeasuredUtc { get; }

    /// <summary>The command line as the reports give it; set by <see cref="BenchmarkCommand"/> once the run is done.</summary>
    string CommandLine { get; set; }
}
