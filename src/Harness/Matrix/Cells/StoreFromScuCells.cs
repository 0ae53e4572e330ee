using Conformance.Harness.Peers;
using System.Diagnostics;
using Conformance.Dicom.Data;
using Conformance.Dicom.IO;
using Conformance.Harness.Matrix.Corpus;
using Conformance.Harness.Matrix.Defects;
using Conformance.Harness.Matrix.Model;
using Conformance.Harness.Matrix.Running;
using Conformance.Harness.Matrix.Stage;
using Conformance.Harness.Peers.Tools;
using Conformance.Harness.Sut;
using Conformance.Harness.Sut.External;

namespace Conformance.Harness.Matrix.Cells;

/// <summary>
/// C-STORE, the SUT as SCP, from storescu proposing only the case's syntax (a -xf profile): every object
/// stored in its own syntax, byte for byte. Latencies are taken where the SUT stored each object. The timed
/// series runs storescu with TCP_NODELAY=1, as the reference pair does, so the SCP is the only difference.
/// </summary>
public sealed record StoreFromStoreScu(SyntaxCase Syntax, bool Series = false) : CaseVariant(Series ? Syntax.Name + ".series20" : Syntax.Name)
{
    public override string? TransferSyntax => Syntax.Uid;

    public override bool Timed => Series;

    public override async Task<CellVerdict> RunAsync(CellContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var files = Series ? context.Corpus.Series : context.Corpus.InSyntax(Syntax);
        Expect.That(files.Count > 0, $"the corpus has no {Syntax.Name} object: {string.Join("; ", context.Corpus.Notes)}");
        var scp = await context.StartScpAsync(SutScpKind.Storage, cancellationToken).ConfigureAwait(false);
        var toolbox = await CellKit.ToolboxAsync(context, PeerTool.StoreScu, cancellationToken).ConfigureAwait(false);
        var profile = await StoreScuProfile.WriteAsync(context, Syntax.Uid, cancellationToken).ConfigureAwait(false);
        List<string> arguments = ["-d", "-xf", context.InContainer(profile), StoreScuProfile.Name, "-aet", "STORESCU", "-aec", scp.AeTitle,
            context.AddressForPeers(scp), CellKit.Port(scp.Port), .. files.Select(context.InContainer)];
        var started = Stopwatch.GetTimestamp();
        var environment = Series ? new Dictionary<string, string> { ["TCP_NODELAY"] = "1" } : new Dictionary<string, string>();
        var result = await CellKit.RunAsync(context, toolbox, new ToolCommand("storescu", arguments, environment), cancellationToken).ConfigureAwait(false);
        var seen = new DcmtkLogParser().Parse("c-store", result.ToProcessResult());
        Expect.That(seen.Statuses.Count == files.Count && seen.Statuses.All(s => s == 0x0000),
            $"storescu sent {files.Count} object(s) and received statuses [{string.Join(", ", seen.Statuses.Select(s => $"0x{s:X4}"))}]; expected Success for each ({seen.Describe()})");
        var identical = ObjectCheck.SameObjects(files, CellKit.StoredBy(scp, context.Sut.Name), "the SUT's SCP");
        var timings = new CellTimings("c-store (at the SCP)", StampIntervals.From(started, scp.StoredStamps), result.Elapsed) { ReferenceKey = Series ? ReferencePair.ScpStoreKey : null };
        return CellVerdict.Pass($"{files.Count} object(s) from storescu stored in {Syntax.Name}, {identical} byte for byte", timings);
    }
}

/// <summary>C-STORE, the SUT as SCP, from gdcmscu --store.</summary>
public sealed record StoreFromGdcm(SyntaxCase Syntax) : CaseVariant(Syntax.Name)
{
    public override string? TransferSyntax => Syntax.Uid;

    public override async Task<CellVerdict> RunAsync(CellContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var inSyntax = context.Corpus.InSyntax(Syntax);
        var file = inSyntax.Count > 0 ? inSyntax[0] : throw new CaseFailedException($"the corpus has no {Syntax.Name} object");
        var scp = await context.StartScpAsync(SutScpKind.Storage, cancellationToken).ConfigureAwait(false);
        var toolbox = await CellKit.ToolboxAsync(context, PeerTool.GdcmScu, cancellationToken).ConfigureAwait(false);
        var gdcm = await CellKit.RunAsync(context, toolbox, GdcmCommands.Run("--store", context.AddressForPeers(scp), scp.Port, scp.AeTitle, "-i", context.InContainer(file)), cancellationToken).ConfigureAwait(false);
        Expect.That(GdcmCommands.StatusCount(gdcm, 0x0000) >= 1, $"gdcmscu received no C-STORE-RSP with status 0: {CellKit.Tail(gdcm.Output)}");
        var identical = ObjectCheck.SameObjects([file], CellKit.StoredBy(scp, context.Sut.Name), "the SUT's SCP");
        return PeerDefectVerdict.Judge(context, PeerTool.GdcmScu, gdcm, $"gdcmscu's object stored, {identical} byte for byte", EchoFromScu.Single("c-store", gdcm));
    }
}

/// <summary>C-STORE, the SUT as SCP, from Orthanc (POST /modalities/sut/store of an uploaded instance).</summary>
public sealed record StoreFromOrthanc(SyntaxCase Syntax) : CaseVariant("rest")
{
    public override string? TransferSyntax => Syntax.Uid;

    public override async Task<CellVerdict> RunAsync(CellContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        // The secondary capture: the CT's SOP Instance UID is also stored by Orthanc in JPEG lossless (the store-to-Orthanc cells).
        var file = context.Corpus.InSyntax(Syntax).FirstOrDefault(f => Path.GetFileNameWithoutExtension(f) == SyntaxCase.Sc)
            ?? throw new CaseFailedException($"the corpus has no {Syntax.Name} secondary capture");
        var scp = await context.StartScpAsync(SutScpKind.Storage, cancellationToken).ConfigureAwait(false);
        var orthanc = context.Touch(await context.Stage.OrthancAsync(cancellationToken).ConfigureAwait(false));
        var id = await orthanc.UploadAsync(file, cancellationToken).ConfigureAwait(false);
        await orthanc.DefineModalityAsync("sut", scp.AeTitle, context.AddressForPeers(scp), scp.Port, cancellationToken).ConfigureAwait(false);
        var started = Stopwatch.GetTimestamp();
        var reply = await orthanc.Scu.StoreAsync("sut", [id], cancellationToken).ConfigureAwait(false);
        var elapsed = Stopwatch.GetElapsedTime(started);
        Expect.That(reply.Succeeded, $"Orthanc's C-STORE to the SUT: {reply}");
        var uid = DicomFile.Open(file).Dataset.GetUid(DicomTags.SOPInstanceUID);
        var identical = ObjectCheck.SameObjects([file], CellKit.StoredBy(scp, context.Sut.Name), "the SUT's SCP");
        return CellVerdict.Pass($"Orthanc's C-STORE of {uid} stored, {identical} byte for byte", new CellTimings("c-store (REST call)", [elapsed], elapsed));
    }
}
