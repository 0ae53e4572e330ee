using Conformance.Harness.Matrix.Model;

namespace Conformance.Interop.Tests.Matrix;

/// <summary>
/// The interop matrix, one NUnit test per case (named by its id, docs/matrix.md). The case logic lives in
/// src/Harness/Matrix; this only runs each case through the assembly's runner and reports its row.
/// </summary>
[TestFixture]
[Category("Matrix")]
public sealed class MatrixTests
{
    public static IEnumerable<TestCaseData> Cases() =>
        MatrixHost.Cases().Select(c => new TestCaseData(c).SetName(c.Id).SetCategory(c.Service));

    [TestCaseSource(nameof(Cases))]
    public async Task Case(MatrixCase matrixCase)
    {
        var row = await MatrixHost.Runner.RunAsync(matrixCase, CancellationToken.None);
        NUnitOutcome.Report(row, MatrixHost.Runner.Results.Directory);
    }
}
