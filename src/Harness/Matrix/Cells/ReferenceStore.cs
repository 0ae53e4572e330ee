using Conformance.Harness.Matrix.Model;
using Conformance.Harness.Matrix.Running;
using Conformance.Harness.Matrix.Stage;
using Conformance.Harness.Sut.External;

namespace Conformance.Harness.Matrix.Cells;

/// <summary>
/// A reference pair as a case of its own (sut dcmtk): DCMTK storescu to storescp, both TCP_NODELAY=1, the timed
/// MR series, timed at the sender (<see cref="ReferencePair.StoreKey"/>) or at the receiver
/// (<see cref="ReferencePair.ScpStoreKey"/>). The timed store cases of the same topology are judged against it.
/// </summary>
public sealed record ReferenceStore(string Key) : CaseVariant("explicit-le.series20.nodelay")
{
    public override string? TransferSyntax => Corpus.SyntaxCase.ExplicitLittle.Uid;

    public override async Task<CellVerdict> RunAsync(CellContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var measured = await context.Stage.Reference.MeasureAsync(Key, cancellationToken).ConfigureAwait(false);
        if (measured.Peer is { } peer)
        {
            context.Touch(peer);
        }

        context.Note(measured.Detail);
        Expect.That(measured.Valid, $"{measured.Description}: {CellKit.Tail(measured.Detail)}");
        var identical = ObjectCheck.SameObjects(context.Corpus.Series, StoredFileIndex.ByInstanceUid(measured.ReceivedDirectory), "the reference's storescp");
        var total = TimeSpan.FromTicks(measured.Latencies.Sum(l => l.Ticks));
        return CellVerdict.Pass($"{measured.Description}: {measured.Latencies.Count} object(s), {identical} byte for byte",
            new CellTimings(Key == ReferencePair.StoreKey ? "c-store" : "c-store (at the SCP)", measured.Latencies, total) { IsReference = true });
    }
}
