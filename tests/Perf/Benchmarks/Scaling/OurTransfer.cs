using System.Diagnostics;
using Conformance.Benchmarks.Throughput;
using Conformance.Dicom.Network.Services.Storage;
using Conformance.Benchmarks.Shared;

namespace Conformance.Benchmarks.Scaling;

/// <summary>
/// One measured transfer of our SCU (this process, Part 10 files streamed from disk) to a fresh <see cref="ScpHost"/>
/// process storing to disk or discarding. Outside the timed window: the host's start, a warm-up of a few small
/// objects (JIT, index), reading the files' headers, collecting and resetting both sides' peaks. Timed: every
/// association from connect to release, all of them concurrently. The host's storage is deleted afterwards.
/// </summary>
public sealed class OurTransfer(string workDirectory, IReadOnlyList<SizedFile> warmUp, HeapPeakSampler scuHeap)
{
    public async Task<(RunResult Transfer, IReadOnlyList<double> StoreMs, SideMemory Scp, SideMemory Scu)> RunAsync(
        bool disk, IReadOnlyList<IReadOnlyList<SizedFile>> filesPerAssociation, CancellationToken ct)
    {
        var directory = Path.Combine(workDirectory, "scp-" + Guid.NewGuid().ToString("N"));
        try
        {
            var host = await ScpHostProcess.StartAsync(disk ? directory : "discard", ct).ConfigureAwait(false);
            await using (host.ConfigureAwait(false))
            {
                var options = OurScu.Options(host.Port, OurScp.AeTitle);
                await OurScu.StoreAsync(options, await ItemsAsync(warmUp, ct).ConfigureAwait(false), ct).ConfigureAwait(false);
                var items = new List<IReadOnlyList<StoreItem>>();
                foreach (var files in filesPerAssociation)
                {
                    items.Add(await ItemsAsync(files, ct).ConfigureAwait(false));
                }

                await host.ResetAsync(ct).ConfigureAwait(false);
                scuHeap.Reset();
                ProcessMemory.ResetPeak(Environment.ProcessId);
                var residentAtReset = ProcessMemory.ResidentBytes(Environment.ProcessId);
                var started = Stopwatch.GetTimestamp();
                var results = await Task.WhenAll(items.Select(i => OurScu.StoreAsync(options, i, ct))).ConfigureAwait(false);
                var seconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
                var scu = new SideMemory(ProcessMemory.PeakResidentBytes(Environment.ProcessId), residentAtReset, scuHeap.PeakBytes, scuHeap.AllocatedBytes);
                var (stored, scp) = await host.StatsAsync(ct).ConfigureAwait(false);
                var images = filesPerAssociation.Sum(f => f.Count);
                if (stored != images)
                {
                    throw new InvalidOperationException($"our SCP reported {stored} of {images} instances stored");
                }

                var bytes = filesPerAssociation.Sum(f => f.Sum(x => x.DatasetBytes));
                var storeMs = results.SelectMany(r => r.Result.Outcomes.Select(o => o.Elapsed.TotalMilliseconds)).ToList();
                return (new RunResult(seconds, images, bytes, []), storeMs, scp, scu);
            }
        }
        finally
        {
            if (Directory.Exists(directory))
            {
                Directory.Delete(directory, recursive: true);
            }
        }
    }

    private static async Task<IReadOnlyList<StoreItem>> ItemsAsync(IReadOnlyList<SizedFile> files, CancellationToken ct)
    {
        var items = new List<StoreItem>(files.Count);
        foreach (var file in files)
        {
            items.Add(await FileStoreItem.FromFileAsync(file.Path, ct).ConfigureAwait(false));
        }

        return items;
    }
}
