using Conformance.Harness.Matrix.Model;
using Conformance.Harness.Matrix.Running;
using Conformance.Harness.Sut.External;

namespace Conformance.Harness.Matrix.Cells;

/// <summary>
/// The reference pair as a case of its own (sut dcmtk): DCMTK storescu to storescp, both TCP_NODELAY=1, the
/// timed MR series. Its latencies are what the timed store cases of the same topology are judged against.
/// </summary>
public sealed record ReferenceStore() : CaseVariant("explicit-le.series20.nodelay")
{
    public override string? TransferSyntax => Corpus.SyntaxCase.ExplicitLittle.Uid;

    public override async Task<CellVerdict> RunAsync(CellContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var measured = await context.Stage.Reference.MeasureAsync(cancellationToken).ConfigureAwait(false);
        context.Touch(measured.Receiver);
        Expect.That(measured.Valid, $"{measured.Description}: {measured.Run.Describe()}");
        var identical = ObjectCheck.SameObjects(context.Corpus.Series, StoredFileIndex.ByInstanceUid(measured.Receiver.OutputDirectory!), "storescp (TCP_NODELAY=1)");
        return CellVerdict.Pass($"{measured.Description}: {measured.Objects} object(s), {identical} byte for byte", CellKit.Timings(measured.Run));
    }
}
