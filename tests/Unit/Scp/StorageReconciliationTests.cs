using Conformance.Dicom.Data;
using Conformance.Dicom.IO;
using Conformance.Dicom.Network.Services.Scu;
using Conformance.Dicom.Network.Services.Storage;
using Conformance.Dicom.Query;
using Conformance.Scp;
using Conformance.Scp.Storage;

namespace Conformance.Unit.Tests.Scp;

/// <summary>
/// What a process killed mid-store leaves behind (docs/reliability.md), laid out by hand in a storage directory, is
/// reconciled when the SCP starts: temporary files removed, a row without a file dropped, a complete file without a row
/// indexed, an unreadable one quarantined, an uncommitted replacement reverted to the acknowledged file.
/// </summary>
public class StorageReconciliationTests
{
    private const string Study = "1.2.826.0.1.3680043.10.1137.80";
    private string _root = null!;

    [SetUp]
    public void CreateRoot() => _root = Path.Combine(Path.GetTempPath(), $"scp-reconcile-{Guid.NewGuid():N}");

    [TearDown]
    public void RemoveRoot() => Directory.Delete(_root, recursive: true);

    [Test]
    public async Task Index_and_files_agree_after_start_and_temporary_files_are_gone()
    {
        var (kept, lost, replaced) = (Image(1), Image(2), Image(3));
        await using (var first = await StartAsync([]))
        {
            (await DicomServerStorageTests.Scu(first).StoreAsync([new DatasetStoreItem(kept), new DatasetStoreItem(lost), new DatasetStoreItem(replaced)]))
                .AllSucceeded.Should().BeTrue();
        }

        var acknowledged = await File.ReadAllBytesAsync(FileOf(replaced));
        // The kill's leftovers: a half-written transfer, a file whose row was never committed (and one nobody can read),
        // a row whose file is gone, and a replacement renamed into place whose earlier file is still set aside.
        await File.WriteAllBytesAsync(Path.Combine(_root, ".incoming", "0123.part"), new byte[100]);
        var unindexed = Image(4);
        new DicomFile(unindexed, DicomTransferSyntax.ExplicitVRLittleEndian).Save(FileOf(unindexed));
        await File.WriteAllBytesAsync(Path.Combine(_root, "1.2.3.999.dcm"), [1, 2, 3]);
        File.Delete(FileOf(lost));
        File.Copy(FileOf(replaced), Path.Combine(_root, ".incoming", Path.GetFileName(FileOf(replaced)) + ".previous"));
        var replacement = Image(3);
        replacement.SetString(DicomTags.PatientID, "PREPLACED");
        new DicomFile(replacement, DicomTransferSyntax.ExplicitVRLittleEndian).Save(FileOf(replaced));

        var log = new List<string>();
        await using var restarted = await StartAsync(log);

        var rows = await restarted.Index.ListLocationsAsync(CancellationToken.None);
        rows.Select(r => r.SopInstanceUid).Should().BeEquivalentTo([Uid(kept), Uid(replaced), Uid(unindexed)]);
        rows.Select(r => r.Location).Should().BeEquivalentTo(Directory.EnumerateFiles(_root, "*.dcm"), "every row has its file and every file its row");
        Directory.EnumerateFiles(Path.Combine(_root, ".incoming")).Should().BeEmpty();
        File.Exists(Path.Combine(_root, ".quarantine", "1.2.3.999.dcm")).Should().BeTrue();
        (await File.ReadAllBytesAsync(FileOf(replaced))).Should().Equal(acknowledged, "the replacement was never acknowledged");
        var patients = await DicomServerStorageTests.Scu(restarted).FindAllAsync(QueryModel.PatientRoot, QueryLevel.Patient, PatientKey());
        patients.Matches.Select(m => m.GetString(DicomTags.PatientID)).Should().Equal("PREC");
        log.Should().Contain(l => l.Contains("1 temporary files removed, 1 uncommitted replacements reverted, 1 rows without a file dropped, 1 files without a row indexed, 1 quarantined", StringComparison.Ordinal));
    }

    [Test]
    public async Task A_clean_restart_changes_nothing_and_logs_nothing_about_it()
    {
        await using (var first = await StartAsync([]))
        {
            (await DicomServerStorageTests.Scu(first).StoreAsync([new DatasetStoreItem(Image(1))])).AllSucceeded.Should().BeTrue();
        }

        var log = new List<string>();
        await using var restarted = await StartAsync(log);

        (await restarted.Index.CountInstancesAsync(CancellationToken.None)).Should().Be(1);
        log.Should().NotContain(l => l.Contains("reconciled", StringComparison.Ordinal));
    }

    private Task<DicomServer> StartAsync(List<string> log) => DicomServer.StartAsync(new DicomServerOptions
    {
        AeTitle = "SCP",
        Storage = new DiskInstanceStorage(_root),
        IndexPath = Path.Combine(_root, "index.sqlite"),
        Log = line => { lock (log) { log.Add(line); } },
    });

    private static DicomDataset Image(int number) => ServerTestObjects.Image("PREC", Study, number);

    private static string Uid(DicomDataset dataset) => dataset.GetUid(DicomTags.SOPInstanceUID);

    private string FileOf(DicomDataset dataset) => Path.Combine(_root, Uid(dataset) + ".dcm");

    private static DicomDataset PatientKey()
    {
        var identifier = new DicomDataset();
        identifier.SetString(DicomTags.PatientID, "");
        return identifier;
    }
}
