
using Conformance.Harness.Matrix.Model;

namespace Conformance.Harness.Matrix.Model;

/// <summary>
/// What distinguishes a case within its cell (syntax, model, level, matching, knobs) and how it runs.
/// Each service's variants are records in <c>Matrix/Cells</c>; the runner only calls <see cref="RunAsync"/>.
/// </summary>
public abstract record CaseVariant(string Name)
{
    /// <summary>The transfer syntax UID the case sends or expects, when it has one.</summary>
    public virtual string? TransferSyntax => null;

    /// <summary>
    /// A timed series judged against the reference pair: the cases a timing budget gives a verdict on (20
    /// operations or more), which `--quick` keeps so that a short run still judges the budgets.
    /// </summary>
    public virtual bool Timed => false;

    /// <summary>Runs the case: assertions fail with <see cref="CaseFailedException"/>, an impossible combination with <see cref="NotApplicableException"/>.</summary>
    public abstract Task<CellVerdict> RunAsync(CellContext context, CancellationToken cancellationToken);

    public override string ToString() => Name;
}
