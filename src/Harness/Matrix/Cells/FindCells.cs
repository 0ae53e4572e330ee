using Conformance.Harness.Peers;
using System.Diagnostics;
using Conformance.Dicom.IO;
using Conformance.Dicom.Query;
using Conformance.Harness.Matrix.Defects;
using Conformance.Harness.Matrix.Model;
using Conformance.Harness.Matrix.Running;
using Conformance.Harness.Peers.Tools;
using Conformance.Harness.Sut;

namespace Conformance.Harness.Matrix.Cells;

/// <summary>
/// C-FIND, the SUT as SCU, against an archive (dcmqrscp or Orthanc) loaded with the query corpus.
/// <paramref name="Unsupported"/> names matching the archive does not implement (the case cannot judge the SUT there).
/// </summary>
public sealed record FindAtArchive(PeerTool Archive, QueryCase Query, string? Unsupported = null) : CaseVariant(Query.Name)
{
    public override async Task<CellVerdict> RunAsync(CellContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (Unsupported is not null)
        {
            throw new NotApplicableException(Unsupported);
        }

        var archive = await CellKit.ScpPeerAsync(context, Archive, cancellationToken).ConfigureAwait(false);
        var run = CellKit.Established(await context.Sut.Scu.FindAsync(context.CallTo(archive), Query.Spec(context.Corpus.Query), cancellationToken).ConfigureAwait(false), "C-FIND");
        Expect.Status(0x0000, run.FinalStatus, $"final C-FIND response from {Archive}");
        return CellVerdict.Pass(Query.Check(context.Corpus.Query, run.Matches, $"{Archive}'s answers as the SUT read them"), CellKit.Timings(run));
    }
}

/// <summary>C-FIND, the SUT as SCP loaded with the query corpus, from findscu (the identifier in a query file, answers written with -X).</summary>
public sealed record FindFromFindScu(QueryCase Query) : CaseVariant(Query.Name)
{
    public override async Task<CellVerdict> RunAsync(CellContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var scp = await CellKit.LoadedScpAsync(context, null, cancellationToken).ConfigureAwait(false);
        var toolbox = await CellKit.ToolboxAsync(context, PeerTool.FindScu, cancellationToken).ConfigureAwait(false);
        var query = Path.Combine(context.Folder("query"), "query.dcm");
        await File.WriteAllBytesAsync(query, DicomDatasetWriter.ToArray(Query.Spec(context.Corpus.Query).ToDataset(), DicomTransferSyntax.ExplicitVRLittleEndian), cancellationToken).ConfigureAwait(false);
        var answers = context.Folder("answers");
        var result = await CellKit.RunAsync(context, toolbox, new ToolCommand("findscu",
            ["-v", Query.Model == QueryModel.PatientRoot ? "-P" : "-S", "-aet", "FINDSCU", "-aec", scp.AeTitle, "-X", "-od", context.InContainer(answers),
             context.AddressForPeers(scp), CellKit.Port(scp.Port), context.InContainer(query)], new Dictionary<string, string>()), cancellationToken).ConfigureAwait(false);
        Expect.That(result.Succeeded && result.Statuses.Any(s => s.Operation == "Find" && s.IsSuccess && !s.Text.Contains("Pending", StringComparison.Ordinal)),
            $"findscu: {CellKit.Tail(result.Output)}");
        var matches = Directory.GetFiles(answers, "*.dcm").Order(StringComparer.Ordinal).Select(f => DicomFile.Open(f).Dataset).ToList();
        return CellVerdict.Pass(Query.Check(context.Corpus.Query, matches, "the SUT's answers as findscu wrote them"), EchoFromScu.Single("c-find", result));
    }
}

/// <summary>C-FIND, the SUT as SCP, from gdcmscu --find: the number of pending responses it logged, and its final Success.</summary>
public sealed record FindFromGdcm(QueryCase Query) : CaseVariant(Query.Name)
{
    public override async Task<CellVerdict> RunAsync(CellContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var scp = await CellKit.LoadedScpAsync(context, null, cancellationToken).ConfigureAwait(false);
        var toolbox = await CellKit.ToolboxAsync(context, PeerTool.GdcmScu, cancellationToken).ConfigureAwait(false);
        var spec = Query.Spec(context.Corpus.Query);
        List<string> options = [Query.Model == QueryModel.PatientRoot ? "--patientroot" : "--studyroot", "--" + Query.Level.ToDicom().ToLowerInvariant()];
        options.AddRange(spec.Keys.SelectMany(k => new[] { "--key", $"{CellKit.Tag(k.Keyword)}={k.Value}" }));
        var gdcm = await CellKit.RunAsync(context, toolbox, GdcmCommands.Run("--find", context.AddressForPeers(scp), scp.Port, scp.AeTitle, [.. options]), cancellationToken).ConfigureAwait(false);
        var expected = Query.Expected(context.Corpus.Query).Count;
        var pending = GdcmCommands.StatusCount(gdcm, 0xFF00) + GdcmCommands.StatusCount(gdcm, 0xFF01);
        Expect.That(pending == expected && GdcmCommands.StatusCount(gdcm, 0x0000) == 1,
            $"gdcmscu logged {pending} pending response(s) and {GdcmCommands.StatusCount(gdcm, 0x0000)} final Success; expected {expected} and 1: {CellKit.Tail(gdcm.Output)}");
        return PeerDefectVerdict.Judge(context, PeerTool.GdcmScu, gdcm, $"gdcmscu got {pending} match(es) and Success", EchoFromScu.Single("c-find", gdcm));
    }
}

/// <summary>C-FIND, the SUT as SCP, from Orthanc (POST /modalities/sut/query, answers read back).</summary>
public sealed record FindFromOrthanc(QueryCase Query) : CaseVariant(Query.Name + ".rest")
{
    public override async Task<CellVerdict> RunAsync(CellContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var scp = await CellKit.LoadedScpAsync(context, null, cancellationToken).ConfigureAwait(false);
        var orthanc = context.Touch(await context.Stage.OrthancAsync(cancellationToken).ConfigureAwait(false));
        await orthanc.DefineModalityAsync("sut", scp.AeTitle, context.AddressForPeers(scp), scp.Port, cancellationToken).ConfigureAwait(false);
        var keys = Query.Spec(context.Corpus.Query).Keys.ToDictionary(k => k.Keyword, k => k.Value, StringComparer.Ordinal);
        var started = Stopwatch.GetTimestamp();
        var (reply, answers) = await orthanc.Scu.FindAsync("sut", OrthancLevel(Query.Level), keys, cancellationToken).ConfigureAwait(false);
        var elapsed = Stopwatch.GetElapsedTime(started);
        Expect.That(reply.Succeeded, $"Orthanc's C-FIND to the SUT: {reply}");
        var byKeyword = answers.Select(a => (IReadOnlyDictionary<string, string>)a.Where(p => Keyword(p.Key) is not null)
            .ToDictionary(p => Keyword(p.Key)!, p => p.Value.TrimEnd(' ', '\0'), StringComparer.Ordinal)).ToList();
        return CellVerdict.Pass(Query.Check(context.Corpus.Query, byKeyword, "the SUT's answers as Orthanc read them"), new CellTimings("c-find (REST call)", [elapsed], elapsed));
    }

    internal static string OrthancLevel(QueryLevel level) => level switch
    {
        QueryLevel.Patient => "Patient",
        QueryLevel.Study => "Study",
        QueryLevel.Series => "Series",
        _ => "Instance",
    };

    private static string? Keyword(string tag) =>
        Conformance.Dicom.Data.DicomTag.Parse(tag).Keyword is { } keyword && Corpus.QueryInstance.Keywords.Contains(keyword) ? keyword : null;
}
