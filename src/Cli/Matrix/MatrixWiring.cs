namespace Conformance.Cli.Matrix;

/// <summary>
/// Where `run` and `reproduce` get the matrix runner. Null until the matrix runner (src/Harness/Matrix)
/// is merged and adapted to <see cref="IMatrixRunner"/>: then `run` says plainly that the matrix did
/// not run, and reports no case, rather than pretending.
/// </summary>
internal static class MatrixWiring
{
    public static IMatrixRunner? Runner => null;
}
