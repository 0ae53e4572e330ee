using System.Collections.Concurrent;
using System.Security.Cryptography;
using Conformance.Dicom.Data;
using Conformance.Dicom.IO;
using Conformance.Dicom.Network;
using Conformance.Dicom.Network.Services.Scu;
using Conformance.Dicom.Network.Services.Storage;
using Conformance.Dicom.Query;
using Conformance.Interop.Tests.Support;

namespace Conformance.Interop.Tests.Reliability;

/// <summary>
/// Process death: `conformance scp` is SIGKILLed 20 times while our SCU stores objects into it (killed at a random moment after each round's first success), restarted
/// each time on the same storage directory. Every object that got a success status must be there,
/// byte-identical in its data set, and the index (read through the SCP's own C-FIND) and the files must
/// agree. Power loss is not tested here (docs/reliability.md: what --durable adds).
/// </summary>
[TestFixture]
[Category("Reliability")]
public class CrashRecoveryTests
{
    private const int Kills = 20;
    private const int ObjectsPerRound = 150;

    [Test]
    public async Task Every_acknowledged_object_survives_SIGKILL_identical_and_index_and_files_agree()
    {
        using var runner = new HostProcessRunner();
        using var storage = new TempDirectory("reliability-kill");
        var port = FreePort.Get();
        var sent = new ConcurrentDictionary<string, byte[]>();
        var acknowledged = new ConcurrentDictionary<string, bool>();
        var random = new Random(20261127);
        var killedInFlight = 0;
        for (var round = 0; round < Kills; round++)
        {
            using var scp = await ScpProcess.StartAsync(runner, storage.Path, port, "--quiet");
            var objects = Enumerable.Range(0, ObjectsPerRound).Select(i => ReliabilityObjects.Image(round, i)).ToList();
            foreach (var o in objects)
            {
                sent[o.GetUid(DicomTags.SOPInstanceUID)] = SHA256.HashData(ReliabilityObjects.Canonical(o));
            }

            // Kill once a random number (1 to half the round) of this round's objects got their success, plus up to
            // 20 ms: the other half are still to be sent, so every kill hits a transfer in progress.
            var recorder = new Recorder(acknowledged, random.Next(1, ObjectsPerRound / 2));
            var sending = StoreAsync(port, objects, recorder);
            await Task.WhenAny(recorder.KillPoint, sending).WaitAsync(TimeSpan.FromMinutes(2));
            await Task.Delay(random.Next(0, 20));
            killedInFlight += sending.IsCompleted ? 0 : 1;
            await scp.KillAsync();
            await sending;
        }

        using var final = await ScpProcess.StartAsync(runner, storage.Path, port, "--quiet");
        var files = ReadStoredFiles(storage.Path);
        var indexed = await IndexedInstancesAsync(port);
        var lost = acknowledged.Keys.Where(uid => !files.ContainsKey(uid)).ToList();
        var altered = acknowledged.Keys.Where(uid => files.TryGetValue(uid, out var bytes) && !bytes.AsSpan().SequenceEqual(sent[uid])).ToList();
        var filesWithoutRow = files.Keys.Except(indexed).ToList();
        var rowsWithoutFile = indexed.Except(files.Keys).ToList();
        var leftovers = Directory.Exists(Path.Combine(storage.Path, ".incoming")) ? Directory.GetFiles(Path.Combine(storage.Path, ".incoming")).Length : 0;
        TestContext.Out.WriteLine($"kills {Kills} ({killedInFlight} with objects in flight), objects offered {sent.Count}, acknowledged {acknowledged.Count}, files {files.Count}, index rows {indexed.Count}, " +
            $"lost {lost.Count}, altered {altered.Count}, files without a row {filesWithoutRow.Count}, rows without a file {rowsWithoutFile.Count}, " +
            $"temporary files left in .incoming {leftovers}");

        acknowledged.Should().NotBeEmpty("objects must have been stored between kills for the test to mean anything");
        killedInFlight.Should().Be(Kills, "every kill hits a transfer in progress");
        lost.Should().BeEmpty("every object that got a success status survives process death");
        altered.Should().BeEmpty("what is stored is what was sent");
        rowsWithoutFile.Should().BeEmpty("no index row without a file");
        filesWithoutRow.Should().BeEmpty("no file without an index row ({0} of {1} files)", filesWithoutRow.Count, files.Count);
    }

    /// <summary>Stores until the SCP dies; records each success as it is reported.</summary>
    private static async Task StoreAsync(int port, IReadOnlyList<DicomDataset> objects, Recorder recorder)
    {
        var scu = new DicomScu(new DicomScuOptions { Host = "127.0.0.1", Port = port, CalledAe = ScpProcess.AeTitle });
        try
        {
            await scu.StoreAsync([.. objects.Select(o => new DatasetStoreItem(o))], recorder);
        }
        catch (Exception ex) when (ex is DicomNetworkException or IOException or System.Net.Sockets.SocketException or OperationCanceledException)
        {
            // The SCP was killed under us: only the successes already reported count.
        }
    }

    /// <summary>Every *.dcm in the storage root, by SOP Instance UID, with the SHA-256 of its data set's canonical bytes; an unreadable file fails.</summary>
    private static Dictionary<string, byte[]> ReadStoredFiles(string root)
    {
        var files = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        foreach (var path in Directory.EnumerateFiles(root, "*.dcm"))
        {
            var file = DicomFile.Open(path);
            files[file.Dataset.GetUid(DicomTags.SOPInstanceUID)] = SHA256.HashData(ReliabilityObjects.Canonical(file.Dataset));
        }

        return files;
    }

    /// <summary>The SOP Instance UIDs the restarted SCP's index answers at IMAGE level for our study and series.</summary>
    private static async Task<List<string>> IndexedInstancesAsync(int port)
    {
        var identifier = new DicomDataset();
        identifier.SetUid(DicomTags.StudyInstanceUID, ReliabilityObjects.Study);
        identifier.SetUid(DicomTags.SeriesInstanceUID, ReliabilityObjects.Series);
        identifier.SetUid(DicomTags.SOPInstanceUID, "");
        var scu = new DicomScu(new DicomScuOptions { Host = "127.0.0.1", Port = port, CalledAe = ScpProcess.AeTitle });
        var result = await scu.FindAllAsync(QueryModel.StudyRoot, QueryLevel.Image, identifier);
        result.Status.IsSuccess.Should().BeTrue("the index answers C-FIND after the kills ({0})", result.ErrorComment);
        return [.. result.Matches.Select(m => m.GetUid(DicomTags.SOPInstanceUID))];
    }

    /// <summary>Records each success as the SCU reports it (synchronously, unlike Progress&lt;T&gt;); <see cref="KillPoint"/> completes at the round's n-th.</summary>
    private sealed class Recorder(ConcurrentDictionary<string, bool> acknowledged, int killAfter) : IProgress<StoreOutcome>
    {
        private readonly TaskCompletionSource _killPoint = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private int _succeeded;

        public Task KillPoint => _killPoint.Task;

        public void Report(StoreOutcome value)
        {
            if (value.Status.IsSuccess && value.Sent)
            {
                acknowledged[value.SopInstanceUid] = true;
                if (Interlocked.Increment(ref _succeeded) >= killAfter)
                {
                    _killPoint.TrySetResult();
                }
            }
        }
    }
}
