using System.Globalization;
using Conformance.Dicom.Data;
using Conformance.Dicom.Network.Services.Scu;
using Conformance.Dicom.Query;
using Conformance.Harness.Peers;
using Conformance.Harness.Peers.Dcmtk;
using Conformance.Harness.Peers.Tools;

namespace Conformance.Harness.Scenarios.Seed2016;

/// <summary>
/// One C-MOVE of the run's images from a source to the SCU's own destination: movescu and gdcmscu inside their
/// toolboxes, our SCU from this process. The whole study, or (mechanism B) its first series. A failure says
/// what the tool answered; whether every sub-operation arrived is read from the capture at the destination.
/// </summary>
internal static class MoveRequests
{
    /// <returns>The catalogued peer defect the tool showed (gdcmscu's aborts, its late listening), else null.</returns>
    public static async Task<ToolDefect?> RunAsync(
        MoveScuKind scu, MoveSource source, MoveDestinations destinations, FixSetting setting, Seed2016Study study, CancellationToken cancellationToken)
    {
        var series = setting.MechanismB;
        switch (scu)
        {
            case MoveScuKind.Movescu:
                string[] keys = series
                    ? ["0008,0052=SERIES", $"0020,000d={study.StudyUid}", $"0020,000e={study.FirstSeriesUid}"]
                    : ["0008,0052=STUDY", $"0020,000d={study.StudyUid}"];
                var moved = await destinations.Movescu.RunAsync(
                    ScuCommands.MoveScu(source.AddressForPeers, source.Port, source.AeTitle, MoveDestinations.MovescuAe, destinations.Movescu.Port, keys,
                        setting.Dcmtk with { LogLevel = DcmtkLogLevel.Verbose }, "/tmp"),
                    cancellationToken).ConfigureAwait(false);
                Require(moved.ExitCode == 0 && moved.Statuses.Any(s => s.Operation == "Move" && s.IsSuccess), moved);
                return null;
            case MoveScuKind.Gdcmscu:
                var got = await destinations.Gdcmscu.RunAsync(Gdcmscu(source, destinations, study, series), cancellationToken).ConfigureAwait(false);

                // GDCM's known misbehaviours (an abort once the exchange is over, an abort on an Explicit VR data set, a
                // refused sub-association) are the catalogue's; whether every sub-operation arrived is read from the
                // capture at its storage SCP, not from its exit code. Anything else is an error.
                if (ToolDefect.Of(PeerTool.GdcmScu, got) is { } defect)
                {
                    return defect;
                }

                Require(got.ExitCode == 0, got);
                return null;
            default:
                var identifier = new DicomDataset();
                identifier.SetUid(DicomTags.StudyInstanceUID, study.StudyUid);
                if (series)
                {
                    identifier.SetUid(DicomTags.SeriesInstanceUID, study.FirstSeriesUid);
                }

                var ours = new DicomScu(new DicomScuOptions { Host = source.OurSide.Host, Port = source.OurSide.Port, CalledAe = source.AeTitle });
                var result = await ours.MoveAsync(QueryModel.StudyRoot, series ? QueryLevel.Series : QueryLevel.Study, identifier, MoveDestinations.OursAe, null, cancellationToken)
                    .ConfigureAwait(false);
                if (!result.Status.IsSuccess)
                {
                    throw new InvalidOperationException($"our C-MOVE from {source.AeTitle}: {result.Status} ({result.Completed} completed, {result.Failed} failed) {result.ErrorComment}");
                }

                return null;
        }
    }

    private static ToolCommand Gdcmscu(MoveSource source, MoveDestinations destinations, Seed2016Study study, bool series)
    {
        var port = destinations.Gdcmscu.Port.ToString(CultureInfo.InvariantCulture);
        List<string> arguments = ["--move", "--verbose", "--port-scp", port, "--aetitle", MoveDestinations.GdcmscuAe, "--call", source.AeTitle, "-o", "/tmp", "--studyroot"];
        arguments.AddRange(series ? ["--series", "--key", $"20,d={study.StudyUid}", "--key", $"20,e={study.FirstSeriesUid}"] : ["--study", "--key", $"20,d={study.StudyUid}"]);
        arguments.AddRange([source.AddressForPeers, source.Port.ToString(CultureInfo.InvariantCulture)]);
        return new ToolCommand("gdcmscu", arguments, new Dictionary<string, string>());
    }

    private static void Require(bool succeeded, ToolResult result)
    {
        if (!succeeded)
        {
            var output = result.Output.Length > 600 ? result.Output[^600..] : result.Output;
            throw new InvalidOperationException($"{result.CommandLine} -> exit {result.ExitCode}: {output}");
        }
    }
}
