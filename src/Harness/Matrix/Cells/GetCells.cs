using Conformance.Dicom.Data;
using Conformance.Harness.Matrix.Defects;
using Conformance.Harness.Matrix.Wire;
using Conformance.Harness.Matrix.Model;
using Conformance.Harness.Matrix.Running;
using Conformance.Harness.Peers;
using Conformance.Harness.Peers.Orthanc;
using Conformance.Harness.Peers.Tools;
using Conformance.Harness.Sut;
using Conformance.Harness.Sut.External;

namespace Conformance.Harness.Matrix.Cells;

/// <summary>C-GET, the SUT as SCU, against dcmqrscp or Orthanc: the objects come back on the same association.</summary>
public sealed record GetAtArchive(PeerTool Archive, RetrieveScenario Scenario) : CaseVariant(Scenario.Name)
{
    public override async Task<CellVerdict> RunAsync(CellContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var archive = await CellKit.ScpPeerAsync(context, Archive, cancellationToken).ConfigureAwait(false);
        var output = context.Folder("got");
        var run = CellKit.Established(await context.Sut.Scu.GetAsync(context.CallTo(archive), Scenario.Spec(context.Corpus.Query), output, cancellationToken).ConfigureAwait(false), "C-GET");
        var arrived = Scenario.CheckFinal(context.Corpus.Query, run.FinalStatus, run.Counts, run.FailedSopInstanceUids, $"{Archive}'s C-GET as the SUT reported it");
        var identical = ObjectCheck.SameObjects(arrived, StoredFileIndex.ByInstanceUid(output), "the SUT (C-GET)", ObjectCheck.AnySyntax);
        return CellVerdict.Pass($"final status 0x{run.FinalStatus:X4}, {arrived.Count} object(s) received, {identical} byte for byte", CellKit.Timings(run));
    }
}

/// <summary>C-GET, the SUT as SCP loaded with the query corpus, from getscu; the failed sub-operation included.</summary>
public sealed record GetFromGetScu(RetrieveScenario Scenario) : CaseVariant(Scenario.Name)
{
    public override async Task<CellVerdict> RunAsync(CellContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var scp = await CellKit.LoadedScpAsync(context, Scenario, cancellationToken).ConfigureAwait(false);
        var toolbox = await CellKit.ToolboxAsync(context, PeerTool.GetScu, cancellationToken).ConfigureAwait(false);
        var got = context.Folder("got");

        // getscu does not print the final response's identifier: a tap reads the Failed SOP Instance UID List off the wire.
        var tap = CellKit.TapInFront(context, scp);
        var result = await CellKit.RunAsync(context, toolbox, new ToolCommand("getscu",
            ["-d", "+B", Retrieves.ModelFlag(Scenario), "-aet", "GETSCU", "-aec", scp.AeTitle, "-od", context.InContainer(got),
             .. Retrieves.Keys(context, Scenario), context.Topology.OurAddressForPeers, CellKit.Port(tap.Port)], new Dictionary<string, string>()), cancellationToken).ConfigureAwait(false);
        var parsed = new DcmtkLogParser().Parse("c-get", result.ToProcessResult());
        var identifier = FinalIdentifier.Read(tap);
        var failed = identifier is not null && identifier.Contains(DicomTags.FailedSOPInstanceUIDList)
            ? identifier.GetStrings(DicomTags.FailedSOPInstanceUIDList).Where(u => u.Length > 0).ToList()
            : [];
        var arrived = Scenario.CheckFinal(context.Corpus.Query, parsed.FinalStatus, parsed.Counts, failed, "the SUT's C-GET as getscu logged it (identifier read off the wire)");
        Expect.That(result.Output.Contains("Releasing Association", StringComparison.Ordinal), $"getscu did not end with a normal release: {CellKit.Tail(result.Output)}");
        var identical = ObjectCheck.SameObjects(arrived, StoredFileIndex.ByInstanceUid(got), "getscu", ObjectCheck.AnySyntax);
        var message = $"final status 0x{parsed.FinalStatus:X4}, {arrived.Count} object(s) at getscu, {identical} byte for byte";
        var timings = EchoFromScu.Single("c-get", result);

        // Only a final response with failed sub-operations carries an identifier: there getscu's release is judged
        // against the peer-defect catalogue (getscu does not read it); elsewhere it must exit 0.
        return Scenario.Fragile
            ? PeerDefectVerdict.Judge(context, PeerTool.GetScu, result, message, timings)
            : Released(result, message, timings);
    }

    private static CellVerdict Released(ToolResult result, string message, CellTimings timings)
    {
        Expect.That(result.ExitCode == 0, $"{message}, but getscu exited with {result.ExitCode}: {CellKit.Tail(result.Output)}");
        return CellVerdict.Pass($"{message}, getscu released", timings);
    }
}

/// <summary>C-GET, the SUT as SCP, from gdcmscu --get.</summary>
public sealed record GetFromGdcm(RetrieveScenario Scenario) : CaseVariant(Scenario.Name)
{
    public override async Task<CellVerdict> RunAsync(CellContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var scp = await CellKit.LoadedScpAsync(context, Scenario, cancellationToken).ConfigureAwait(false);
        var toolbox = await CellKit.ToolboxAsync(context, PeerTool.GdcmScu, cancellationToken).ConfigureAwait(false);
        var got = context.Folder("got");
        var gdcm = await CellKit.RunAsync(context, toolbox, GdcmCommands.Run("--get", context.AddressForPeers(scp), scp.Port, scp.AeTitle,
            ["-o", context.InContainer(got), .. Retrieves.GdcmKeys(context, Scenario)]), cancellationToken).ConfigureAwait(false);
        if (gdcm.ExitCode == 1 && gdcm.Output.Trim().Length == 0)
        {
            // GDCM 3.0's gdcmscu parses --get and returns 1 before any network call: its C-GET is not implemented.
            throw new NotApplicableException($"gdcmscu {PeerTool.GdcmScu.VersionIn(context.Environment)} has no C-GET: --get exits 1 without connecting");
        }

        var objects = Scenario.Objects(context.Corpus.Query);
        var identical = ObjectCheck.SameObjects(objects, StoredFileIndex.ByInstanceUid(got), "gdcmscu (C-GET)", ObjectCheck.AnySyntax);
        Expect.That(GdcmCommands.StatusCount(gdcm, 0x0000) >= 1, $"gdcmscu logged no final Success: {CellKit.Tail(gdcm.Output)}");
        return PeerDefectVerdict.Judge(context, PeerTool.GdcmScu, gdcm, $"{objects.Count} object(s) received by gdcmscu, {identical} byte for byte", EchoFromScu.Single("c-get", gdcm));
    }
}

/// <summary>C-GET, the SUT as SCP, from Orthanc's REST API; Orthanc releases before 1.12.6 have no C-GET SCU.</summary>
public sealed record GetFromOrthanc() : CaseVariant("rest")
{
    public override async Task<CellVerdict> RunAsync(CellContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var version = PeerTool.Orthanc.VersionIn(context.Environment);
        if (OrthancScu.ParseVersion(version) < OrthancScu.FirstWithGetScu)
        {
            throw new NotApplicableException($"Orthanc {version} has no C-GET SCU (its REST API has one from {OrthancScu.FirstWithGetScu})");
        }

        var orthanc = context.Touch(await context.Stage.OrthancAsync(cancellationToken).ConfigureAwait(false));
        var scp = await context.StartScpAsync(SutScpKind.QueryRetrieve, cancellationToken).ConfigureAwait(false);
        var series = context.Corpus.Series;
        await CellKit.LoadAsync(context, scp, series, cancellationToken).ConfigureAwait(false);
        var study = Conformance.Dicom.IO.DicomFile.Open(series[0]).Dataset.GetUid(Conformance.Dicom.Data.DicomTags.StudyInstanceUID);
        await orthanc.DeleteStudyAsync(study, cancellationToken).ConfigureAwait(false);
        await orthanc.DefineModalityAsync("sut", scp.AeTitle, context.AddressForPeers(scp), scp.Port, cancellationToken).ConfigureAwait(false);
        var reply = await orthanc.Scu.GetAsync("sut", "Study", new Dictionary<string, string> { ["StudyInstanceUID"] = study }, cancellationToken).ConfigureAwait(false);
        Expect.That(reply.Succeeded, $"Orthanc's C-GET from the SUT: {reply}");
        var identical = ObjectCheck.SameObjects(series, await Retrieves.FromOrthancAsync(context, orthanc, series, cancellationToken).ConfigureAwait(false), "Orthanc (C-GET)", ObjectCheck.AnySyntax);
        return CellVerdict.Pass($"{series.Count} object(s) retrieved by Orthanc, {identical} byte for byte");
    }
}
