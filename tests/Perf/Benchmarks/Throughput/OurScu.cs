using System.Diagnostics;
using Conformance.Dicom.Network.Services.Scu;
using Conformance.Dicom.Network.Services.Storage;
using Conformance.Dicom.Network.Transport;

namespace Conformance.Benchmarks.Throughput;

/// <summary>Our SCU (DicomScu) sending a batch on one association; wall time from connect to release.</summary>
public static class OurScu
{
    public static DicomScuOptions Options(int port, string calledAe, ConnectionOptions? connection = null) => new()
    {
        Host = "127.0.0.1",
        Port = port,
        CalledAe = calledAe,
        CallingAe = "OURSCU",
        Connection = connection ?? ConnectionOptions.Default,
    };

    public static async Task<(double Seconds, StoreResult Result)> StoreAsync(DicomScuOptions options, IReadOnlyList<StoreItem> items, CancellationToken ct)
    {
        var scu = new DicomScu(options);
        var started = Stopwatch.GetTimestamp();
        var result = await scu.StoreAsync(items, null, ct).ConfigureAwait(false);
        var seconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
        if (!result.AllSucceeded)
        {
            var first = result.Outcomes.First(o => !o.Succeeded);
            throw new InvalidOperationException($"{result.Failed} of {items.Count} C-STOREs failed; first: {first.Description} status {first.Status} {first.Error}");
        }

        return (seconds, result);
    }

    /// <summary>Our SCU from Part 10 files, read during the run as storescu reads its own; wall time from the first file read to release.</summary>
    public static async Task<double> StoreFilesAsync(DicomScuOptions options, IEnumerable<string> files, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(files);
        var started = Stopwatch.GetTimestamp();
        var items = new List<StoreItem>();
        foreach (var path in files)
        {
            items.Add(await FileStoreItem.FromFileAsync(path, ct).ConfigureAwait(false));
        }

        await StoreAsync(options, items, ct).ConfigureAwait(false);
        return Stopwatch.GetElapsedTime(started).TotalSeconds;
    }
}
