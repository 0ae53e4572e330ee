using Conformance.Reporting.Results;

namespace Conformance.Reporting.Report;

/// <summary>A matrix row: the service and the role of the system under test.</summary>
public sealed record MatrixRow(string Service, string SutRole)
{
    public static MatrixRow Of(CaseResult result) => new(result.Service, result.SutRole);
}
