using Conformance.Dicom.Data;
using Conformance.Dicom.IO;
using Conformance.Dicom.Query;
using Conformance.Harness.Matrix.Model;
using Conformance.Harness.Matrix.Running;
using Conformance.Harness.Matrix.Stage;
using Conformance.Harness.Peers.Orthanc;
using Conformance.Harness.Sut;

namespace Conformance.Harness.Matrix.Cells;

/// <summary>What the C-MOVE and C-GET cells share: loading the SUT's SCP (losing the fragile file on purpose) and the tools' key arguments.</summary>
internal static class Retrieves
{
    /// <summary>Loads the query corpus into the SUT's SCP; for the failed sub-operation, removes one stored file (or says the SUT cannot).</summary>
    public static async Task LoadAsync(CellContext context, ISutScp scp, RetrieveScenario? scenario, CancellationToken cancellationToken)
    {
        await CellKit.LoadAsync(context, scp, context.Corpus.Query.Files, cancellationToken).ConfigureAwait(false);
        if (scenario is { Fragile: true } && !await scp.RemoveStoredFileAsync(TopologyStage.FragileUid(context.Corpus), cancellationToken).ConfigureAwait(false))
        {
            throw new NotApplicableException($"{context.Sut.Name} cannot lose a stored file on purpose, so no sub-operation can be made to fail");
        }
    }

    public static string ModelFlag(RetrieveScenario scenario) => scenario.Model == QueryModel.PatientRoot ? "-P" : "-S";

    /// <summary>DCMTK -k arguments: the level and the scenario's keys.</summary>
    public static IEnumerable<string> Keys(CellContext context, RetrieveScenario scenario) =>
        new[] { "-k", $"QueryRetrieveLevel={scenario.Level.ToDicom()}" }
            .Concat(scenario.Spec(context.Corpus.Query).Keys.SelectMany(k => new[] { "-k", $"{k.Keyword}={k.Value}" }));

    /// <summary>gdcmscu model, level and --key arguments.</summary>
    public static IEnumerable<string> GdcmKeys(CellContext context, RetrieveScenario scenario) =>
        new[] { scenario.Model == QueryModel.PatientRoot ? "--patientroot" : "--studyroot", "--" + scenario.Level.ToDicom().ToLowerInvariant() }
            .Concat(scenario.Spec(context.Corpus.Query).Keys.SelectMany(k => new[] { "--key", $"{CellKit.Tag(k.Keyword)}={k.Value}" }));

    /// <summary>Downloads what Orthanc now holds of <paramref name="sent"/> (by SOP Instance UID) into the case's folder.</summary>
    public static async Task<IReadOnlyDictionary<string, string>> FromOrthancAsync(CellContext context, OrthancPeer orthanc, IReadOnlyList<string> sent, CancellationToken cancellationToken)
    {
        var received = new Dictionary<string, string>(StringComparer.Ordinal);
        var folder = context.Folder("orthanc");
        foreach (var file in sent)
        {
            var uid = DicomFile.Open(file).Dataset.GetUid(DicomTags.SOPInstanceUID);
            if (await orthanc.FindInstanceAsync(uid, cancellationToken).ConfigureAwait(false) is { } id)
            {
                var path = Path.Combine(folder, uid + ".dcm");
                await orthanc.DownloadAsync(id, path, cancellationToken).ConfigureAwait(false);
                received[uid] = path;
            }
        }

        return received;
    }
}
