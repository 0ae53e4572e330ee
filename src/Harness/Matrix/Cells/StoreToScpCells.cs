using Conformance.Harness.Matrix.Corpus;
using Conformance.Harness.Matrix.Model;
using Conformance.Harness.Matrix.Running;
using Conformance.Harness.Matrix.Stage;
using Conformance.Harness.Sut;
using Conformance.Harness.Sut.External;

namespace Conformance.Harness.Matrix.Cells;

/// <summary>
/// C-STORE, the SUT as SCU, to a storescp started with the option that accepts the case's syntax (docs/matrix.md).
/// <c>Series</c> sends the 20 timed MR images instead (judged against the reference pair).
/// </summary>
public sealed record StoreToStoreScp(SyntaxCase Syntax, StoreScpSetup Receiver, StoreExpectation Expectation, bool Series = false)
    : CaseVariant(Series ? Syntax.Name + ".series20" : Expectation switch
    {
        StoreExpectation.Refused => Syntax.Name + ".not-accepted",
        StoreExpectation.ConvertedToImplicit => Syntax.Name + ".to-implicit",
        _ => Syntax.Name,
    })
{
    public override string? TransferSyntax => Syntax.Uid;

    public override bool Timed => Series;

    public override async Task<CellVerdict> RunAsync(CellContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var files = Series ? context.Corpus.Series : context.Corpus.InSyntax(Syntax);
        Expect.That(files.Count > 0, $"the corpus has no {Syntax.Name} object: {string.Join("; ", context.Corpus.Notes)}");
        var storescp = context.Touch(await context.Stage.StoreScpAsync(Receiver, cancellationToken).ConfigureAwait(false));
        storescp.ClearReceived();
        if (Expectation == StoreExpectation.Refused)
        {
            return await RefusedAsync(context, storescp, files, cancellationToken).ConfigureAwait(false);
        }

        var run = await context.Sut.Scu.StoreAsync(context.CallTo(storescp), files, cancellationToken).ConfigureAwait(false);
        var received = StoredFileIndex.ByInstanceUid(storescp.OutputDirectory!);
        CellKit.Established(run, "C-STORE");
        Expect.That(run.Statuses.Count == files.Count && run.AllSucceeded, $"C-STORE of {files.Count} object(s): {run.Describe()}");
        var expected = Expectation == StoreExpectation.ConvertedToImplicit ? SyntaxCase.ImplicitLittle.Uid : null;
        var identical = ObjectCheck.SameObjects(files, received, "storescp", expected);
        var bytes = files.Sum(f => new FileInfo(f).Length) / files.Count;
        return CellVerdict.Pass($"{files.Count} object(s) arrived {(expected is null ? "in " + Syntax.Name : "converted to implicit VR little endian")}, {identical} byte for byte",
            CellKit.Timings(run, Series ? ReferencePair.StoreKey : null, bytes));
    }

    /// <summary>
    /// storescp accepts no context in the object's syntax: the SUT converts into an uncompressed syntax storescp
    /// accepted (the objects then arrive unchanged in content), or fails clearly having sent nothing; either way
    /// the tap sees no PDV on a context that was not accepted.
    /// </summary>
    private async Task<CellVerdict> RefusedAsync(CellContext context, Peers.Dcmtk.StoreScpPeer storescp, IReadOnlyList<string> files, CancellationToken cancellationToken)
    {
        var tap = CellKit.TapInFront(context, storescp);
        var run = await context.Sut.Scu.StoreAsync(context.CallTo(storescp) with { Host = "127.0.0.1", Port = tap.Port }, files, cancellationToken).ConfigureAwait(false);
        var violations = tap.Violations();
        Expect.That(violations.Count == 0, $"storescp accepted no {Syntax.Name} context: {string.Join("; ", violations)}");
        var received = StoredFileIndex.ByInstanceUid(storescp.OutputDirectory!);
        if (run.AllSucceeded)
        {
            ObjectCheck.SameObjects(files, received, "storescp", ObjectCheck.AnySyntax);
            var arrived = Conformance.Dicom.IO.DicomFile.Open(received.Values.First()).TransferSyntax;
            Expect.That(!arrived.IsEncapsulated, $"the SUT reported success, but the objects arrived in {arrived.Name}");
            return CellVerdict.Pass($"converted: {files.Count} object(s) arrived in {arrived.Name}, content unchanged");
        }

        Expect.That(run.Error is not null && !run.Statuses.Any(s => s == 0x0000), $"storescp accepts no {Syntax.Name}: expected a conversion or a clear failure, got {run.Describe()}");
        Expect.That(tap.LargestDataTransfer(fromRequestor: true) == 0 && received.Count == 0, "the SUT failed, yet data was sent and stored");
        return CellVerdict.Pass($"refused without sending: {run.Error}");
    }
}

/// <summary>C-STORE, the SUT as SCU, to Orthanc; what Orthanc stored is downloaded and compared.</summary>
public sealed record StoreToOrthanc(SyntaxCase Syntax, string Object) : CaseVariant(Syntax.Name)
{
    public override string? TransferSyntax => Syntax.Uid;

    public override async Task<CellVerdict> RunAsync(CellContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var files = context.Corpus.InSyntax(Syntax).Where(f => Path.GetFileNameWithoutExtension(f) == Object).ToList();
        Expect.That(files.Count > 0, $"the corpus has no {Syntax.Name} {Object} object: {string.Join("; ", context.Corpus.Notes)}");
        var orthanc = context.Touch(await context.Stage.OrthancAsync(cancellationToken).ConfigureAwait(false));
        var run = CellKit.Established(await context.Sut.Scu.StoreAsync(context.CallTo(orthanc), files, cancellationToken).ConfigureAwait(false), "C-STORE");
        Expect.That(run.AllSucceeded, $"C-STORE to Orthanc: {run.Describe()}");
        var received = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var file in files)
        {
            var uid = Conformance.Dicom.IO.DicomFile.Open(file).Dataset.GetUid(Conformance.Dicom.Data.DicomTags.SOPInstanceUID);
            var id = await orthanc.FindInstanceAsync(uid, cancellationToken).ConfigureAwait(false);
            Expect.That(id is not null, $"Orthanc has no instance {uid} after a successful C-STORE");
            var path = Path.Combine(context.Folder("orthanc"), uid + ".dcm");
            await orthanc.DownloadAsync(id!, path, cancellationToken).ConfigureAwait(false);
            received[uid] = path;
        }

        var identical = ObjectCheck.SameObjects(files, received, "Orthanc");
        return CellVerdict.Pass($"{files.Count} object(s) stored by Orthanc in {Syntax.Name}, {identical} byte for byte", CellKit.Timings(run));
    }
}
