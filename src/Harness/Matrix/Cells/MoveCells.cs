using Conformance.Harness.Defects;
using Conformance.Harness.Matrix.Corpus;
using Conformance.Harness.Matrix.Defects;
using Conformance.Harness.Matrix.Model;
using Conformance.Harness.Matrix.Running;
using Conformance.Harness.Matrix.Stage;
using Conformance.Harness.Peers;
using Conformance.Harness.Peers.Tools;
using Conformance.Harness.Sut;
using Conformance.Harness.Sut.External;

namespace Conformance.Harness.Matrix.Cells;

/// <summary>C-MOVE, the SUT as SCU, against dcmqrscp or Orthanc, to our SCP or a containerised storescp (or an unknown AE).</summary>
public sealed record MoveAtArchive(PeerTool Archive, RetrieveScenario Scenario) : CaseVariant(Scenario.Name)
{
    public override async Task<CellVerdict> RunAsync(CellContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var archive = await CellKit.ScpPeerAsync(context, Archive, cancellationToken).ConfigureAwait(false);
        var ours = await context.Stage.OurDestinationAsync(cancellationToken).ConfigureAwait(false);
        var store = context.Touch(await context.Stage.StoreScpAsync(StoreScpSetup.Destination, cancellationToken).ConfigureAwait(false));
        ours.Clear();
        store.ClearReceived();
        var destination = Scenario.Target switch
        {
            MoveTarget.StoreScp => store.AeTitle,
            MoveTarget.Unknown => RetrieveScenario.UnknownAe,
            _ => OurDestination.AeTitle,
        };
        var run = CellKit.Established(await context.Sut.Scu.MoveAsync(context.CallTo(archive), Scenario.Spec(context.Corpus.Query), destination, cancellationToken).ConfigureAwait(false), "C-MOVE");
        if (Scenario.Target == MoveTarget.Unknown && Archive == PeerTool.Orthanc && run.FinalStatus == 0xC000)
        {
            return await CrossCheckAsync(context, archive, cancellationToken).ConfigureAwait(false);
        }

        var arrived = Scenario.CheckFinal(context.Corpus.Query, run.FinalStatus, run.Counts, run.FailedSopInstanceUids, $"{Archive}'s C-MOVE as the SUT reported it");
        var received = Scenario.Target == MoveTarget.StoreScp ? StoredFileIndex.ByInstanceUid(store.OutputDirectory!) : ours.Received();
        var identical = arrived.Count == 0 ? 0 : ObjectCheck.SameObjects(arrived, received, destination, ObjectCheck.AnySyntax);
        return CellVerdict.Pass($"final status 0x{run.FinalStatus:X4}, {arrived.Count} object(s) at {destination}, {identical} byte for byte", CellKit.Timings(run));
    }

    /// <summary>Asks the same archive with DCMTK's movescu: the same answer makes it the archive's (a catalogued peer defect), not the SUT's.</summary>
    private async Task<CellVerdict> CrossCheckAsync(CellContext context, Peers.StartedPeer archive, CancellationToken cancellationToken)
    {
        var toolbox = await CellKit.ToolboxAsync(context, PeerTool.MoveScu, cancellationToken).ConfigureAwait(false);
        var check = await CellKit.RunAsync(context, toolbox, new ToolCommand("movescu",
            ["-d", "-S", "-aet", "CROSSCHECK", "-aec", archive.AeTitle, "-aem", RetrieveScenario.UnknownAe, .. Retrieves.Keys(context, Scenario), archive.AddressForPeers, CellKit.Port(archive.Port)],
            new Dictionary<string, string>()), cancellationToken).ConfigureAwait(false);
        Expect.That(PeerDefectCatalog.OrthancUnknownMoveDestination.Recognizes(check),
            $"the SUT reported 0xC000 for the unknown destination, but DCMTK movescu got something else from {Archive}: {CellKit.Tail(check.Output)}");
        return PeerDefectVerdict.Judge(context, Archive, check, "the SUT reported the final status Orthanc sent (0xC000), as movescu saw it too");
    }
}

/// <summary>
/// C-MOVE, the SUT as SCP loaded with the query corpus, from movescu with its own storage SCP (the 2016
/// scenario): sub-operations arrive at movescu, the final response is as the scenario requires, and movescu
/// releases normally.
/// </summary>
public sealed record MoveFromMoveScu(RetrieveScenario Scenario) : CaseVariant(Scenario.Name)
{
    public override async Task<CellVerdict> RunAsync(CellContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var toolbox = await CellKit.ToolboxAsync(context, PeerTool.MoveScu, cancellationToken).ConfigureAwait(false);
        var endpoint = toolbox.OurSideEndpoint;
        var scp = await CellKit.LoadedScpAsync(context, Scenario, cancellationToken,
            r => r with { MoveDestinations = [new SutPeer("MOVESCU", endpoint.Host, endpoint.Port)] }).ConfigureAwait(false);
        var moved = context.Folder("moved");
        // movescu 3.6.7 with +B writes into its working directory whatever -od says: it runs in the output folder.
        string[] movescu = ["movescu", "-d", "+B", Retrieves.ModelFlag(Scenario), "-dhl", "-aet", "MOVESCU", "-aec", scp.AeTitle, "-aem", Scenario.Target == MoveTarget.Unknown ? RetrieveScenario.UnknownAe : "MOVESCU",
             "--port", CellKit.Port(toolbox.Port), .. Retrieves.Keys(context, Scenario), context.AddressForPeers(scp), CellKit.Port(scp.Port)];
        var result = await CellKit.RunAsync(context, toolbox, new ToolCommand("sh", ["-c", "cd \"$0\" && exec \"$@\"", context.InContainer(moved), .. movescu],
            new Dictionary<string, string>()), cancellationToken).ConfigureAwait(false);
        var parsed = new DcmtkLogParser().Parse("c-move", result.ToProcessResult());
        var arrived = Scenario.CheckFinal(context.Corpus.Query, parsed.FinalStatus, parsed.Counts, parsed.FailedSopInstanceUids, "the SUT's C-MOVE as movescu logged it");
        Expect.That(result.Output.Contains("Releasing Association", StringComparison.Ordinal), $"movescu did not end with a normal release: {CellKit.Tail(result.Output)}");
        Expect.That(result.Succeeded || parsed.FinalStatus != 0x0000, $"movescu exited {result.ExitCode} after a successful C-MOVE: {CellKit.Tail(result.Output)}");
        var identical = arrived.Count == 0 ? 0 : ObjectCheck.SameObjects(arrived, StoredFileIndex.ByInstanceUid(moved), "movescu's storage SCP", ObjectCheck.AnySyntax);
        return CellVerdict.Pass($"final status 0x{parsed.FinalStatus:X4}, {arrived.Count} object(s) at movescu, {identical} byte for byte, movescu released", EchoFromScu.Single("c-move", result));
    }
}

/// <summary>C-MOVE, the SUT as SCP, from gdcmscu --move with its own storage SCP (--port-scp).</summary>
public sealed record MoveFromGdcm(RetrieveScenario Scenario) : CaseVariant(Scenario.Name)
{
    public override async Task<CellVerdict> RunAsync(CellContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var toolbox = await CellKit.ToolboxAsync(context, PeerTool.GdcmScu, cancellationToken).ConfigureAwait(false);
        var endpoint = toolbox.OurSideEndpoint;
        var scp = await CellKit.LoadedScpAsync(context, Scenario, cancellationToken,
            r => r with { MoveDestinations = [new SutPeer(GdcmCommands.CallingAe, endpoint.Host, endpoint.Port)] }).ConfigureAwait(false);
        var moved = context.Folder("moved");
        var gdcm = await CellKit.RunAsync(context, toolbox, GdcmCommands.Run("--move", context.AddressForPeers(scp), scp.Port, scp.AeTitle,
            ["--port-scp", CellKit.Port(toolbox.Port), "-o", context.InContainer(moved), .. Retrieves.GdcmKeys(context, Scenario)]), cancellationToken).ConfigureAwait(false);
        var objects = Scenario.Objects(context.Corpus.Query);
        var received = StoredFileIndex.ByInstanceUid(moved);
        if (received.Count == 0 && scp.Log.Contains("refused", StringComparison.OrdinalIgnoreCase) && PeerDefectCatalog.GdcmMoveListensLate.Recognizes(gdcm))
        {
            return CellVerdict.PeerDefect(PeerDefectCatalog.GdcmMoveListensLate.Id,
                $"the SUT's connection to gdcmscu's storage port was refused and it reported the failed sub-operations: {PeerDefectCatalog.GdcmMoveListensLate.Recognition}");
        }

        var identical = ObjectCheck.SameObjects(objects, received, "gdcmscu's storage SCP", ObjectCheck.AnySyntax);
        Expect.That(GdcmCommands.StatusCount(gdcm, 0x0000) >= 1, $"gdcmscu logged no final Success: {CellKit.Tail(gdcm.Output)}");
        return PeerDefectVerdict.Judge(context, PeerTool.GdcmScu, gdcm, $"{objects.Count} object(s) moved to gdcmscu, {identical} byte for byte", EchoFromScu.Single("c-move", gdcm));
    }
}

/// <summary>C-MOVE, the SUT as SCP, from Orthanc (POST /modalities/sut/move) with Orthanc itself as the destination.</summary>
public sealed record MoveFromOrthanc() : CaseVariant("rest")
{
    public override async Task<CellVerdict> RunAsync(CellContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var orthanc = context.Touch(await context.Stage.OrthancAsync(cancellationToken).ConfigureAwait(false));
        var endpoint = orthanc.OurSideEndpoint;
        var scp = await context.StartScpAsync(SutScpKind.QueryRetrieve, cancellationToken,
            r => r with { MoveDestinations = [new SutPeer(orthanc.AeTitle, endpoint.Host, endpoint.Port)] }).ConfigureAwait(false);
        var series = context.Corpus.Series;
        await CellKit.LoadAsync(context, scp, series, cancellationToken).ConfigureAwait(false);
        var study = Conformance.Dicom.IO.DicomFile.Open(series[0]).Dataset.GetUid(Conformance.Dicom.Data.DicomTags.StudyInstanceUID);
        await orthanc.DeleteStudyAsync(study, cancellationToken).ConfigureAwait(false);
        await orthanc.DefineModalityAsync("sut", scp.AeTitle, context.AddressForPeers(scp), scp.Port, cancellationToken).ConfigureAwait(false);
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        var reply = await orthanc.Scu.MoveAsync("sut", "Study", new Dictionary<string, string> { ["StudyInstanceUID"] = study }, orthanc.AeTitle, cancellationToken).ConfigureAwait(false);
        var elapsed = System.Diagnostics.Stopwatch.GetElapsedTime(started);
        Expect.That(reply.Succeeded, $"Orthanc's C-MOVE to the SUT: {reply}");
        var received = await Retrieves.FromOrthancAsync(context, orthanc, series, cancellationToken).ConfigureAwait(false);
        var identical = ObjectCheck.SameObjects(series, received, "Orthanc", ObjectCheck.AnySyntax);
        return CellVerdict.Pass($"{series.Count} object(s) moved to Orthanc, {identical} byte for byte", new CellTimings("c-move (REST call)", [elapsed], elapsed));
    }
}
