using Conformance.Harness.Sut.Catalog;
using Conformance.Harness.Setup;
using Conformance.Harness.Sut;
using Conformance.Harness.Topologies;

namespace Conformance.Harness.Matrix.Running;

/// <summary>How a <see cref="MatrixRunner"/> runs: who writes the results, where, and with what it may reuse.</summary>
public sealed record MatrixRunOptions
{
    /// <summary>Names the results file: results.&lt;Producer&gt;.json (e.g. "Conformance.Interop.Tests", "conformance-run").</summary>
    public required string Producer { get; init; }

    /// <summary>Where results and evidence go; null: <c>ResultsLocation.Directory()</c> (TestResults/conformance, or CONFORMANCE_RESULTS_DIR).</summary>
    public string? ResultsDirectory { get; init; }

    /// <summary>An environment already set up (the test assembly's); null: the runner runs the harness setup itself.</summary>
    public HarnessEnvironment? Environment { get; init; }

    /// <summary>Started topologies to share (the test assembly's pool); null: the runner starts and disposes its own.</summary>
    public TopologyPool? Topologies { get; init; }

    /// <summary>The systems under test the cases may name (by <see cref="SutDescriptor.Name"/>); the DCMTK reference is always known.</summary>
    public IReadOnlyList<SutDescriptor> Suts { get; init; } = [SutCatalog.Ours, SutCatalog.Dcmtk];

    /// <summary>Collect evidence (peer logs, SCP logs, notes, capture) for every case, not only failing ones: `conformance reproduce`.</summary>
    public bool EvidenceForEveryCase { get; init; }

    /// <summary>Progress lines (setup, peers started, each case's end).</summary>
    public Action<string> Log { get; init; } = _ => { };
}
