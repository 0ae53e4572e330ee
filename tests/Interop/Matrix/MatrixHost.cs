using Conformance.Harness.Sut.Catalog;
using Conformance.Harness.Matrix.Catalog;
using Conformance.Harness.Matrix.Model;
using Conformance.Harness.Matrix.Running;
using Conformance.Harness.Setup;
using Conformance.Harness.Sut;
using Conformance.Harness.Topologies;

namespace Conformance.Interop.Tests.Matrix;

/// <summary>
/// The matrix inside this test assembly: the catalogue as NUnit sees it (data only, read at discovery), and
/// the one <see cref="MatrixRunner"/> the SetUpFixture starts on the assembly's environment and topologies;
/// its results file is results.Conformance.Interop.Tests.json (written as each case ends and at teardown).
/// </summary>
internal static class MatrixHost
{
    public const string Producer = "Conformance.Interop.Tests";

    private static MatrixRunner? runner;

    public static IReadOnlyList<SutDescriptor> Suts { get; } = SutCatalog.FromEnvironment(Environment.GetEnvironmentVariable);

    public static MatrixRunner Runner => runner ?? throw new InvalidOperationException("The matrix runner was not started: harness setup failed (see the setup log).");

    /// <summary>The cases of this run: the default matrix with <c>CONFORMANCE_SUT</c>, <c>CONFORMANCE_MATRIX_TOPOLOGIES</c> and <c>CONFORMANCE_MATRIX_FILTER</c> applied.</summary>
    public static IReadOnlyList<MatrixCase> Cases() =>
        MatrixCatalog.Cases(MatrixSelection.FromEnvironment(Environment.GetEnvironmentVariable, Suts.Select(s => s.Name).ToList()));

    public static async Task StartAsync(HarnessEnvironment environment, TopologyPool topologies, Action<string> log)
    {
        runner = await MatrixRunner.StartAsync(new MatrixRunOptions
        {
            Producer = Producer,
            Environment = environment,
            Topologies = topologies,
            Suts = [.. Suts, .. Suts.Any(s => s.Name == SutCatalog.Dcmtk.Name) ? [] : new[] { SutCatalog.Dcmtk }],
            Log = log,
        }, CancellationToken.None);
    }

    /// <summary>Writes the results file with the topologies' links and stops the matrix's peers.</summary>
    public static async Task StopAsync(Action<string> log)
    {
        if (runner is null)
        {
            return;
        }

        var rows = runner.Results.Rows;
        log($"matrix: {rows.Count} case(s) -> {runner.Results.FilePath}: {string.Join(", ", rows.GroupBy(r => r.Outcome).Select(g => $"{g.Count()} {g.Key}"))}");
        await runner.DisposeAsync();
        runner = null;
    }
}
