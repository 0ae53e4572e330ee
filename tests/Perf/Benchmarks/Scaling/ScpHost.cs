using System.Globalization;
using Conformance.Benchmarks.Throughput;
using Conformance.Dicom.Network.Services.Storage;
using Conformance.Scp;
using Conformance.Scp.Storage;

namespace Conformance.Benchmarks.Scaling;

/// <summary>
/// <c>scaling scp-host DIR|discard</c>: our SCP alone in a process, so that its memory is its own. Set up as
/// <c>conformance scp --storage DIR</c> does (DiskInstanceStorage, SQLite index DIR/index.sqlite; discard keeps
/// nothing and indexes nothing). Prints <c>port N</c>, then answers one line per command read on stdin:
/// <c>reset</c> (collect, reset the peaks) -> <c>ok</c>; <c>stats</c> -> <c>stats STORED PEAK_RSS RSS_AT_RESET PEAK_HEAP ALLOCATED</c>
/// (since the last reset, bytes); end of input or <c>quit</c> stops it.
/// </summary>
public static class ScpHost
{
    public const string Command = "scp-host";

    public static async Task<int> RunAsync(string[] args)
    {
        if (args.Length != 1)
        {
            await Console.Error.WriteLineAsync($"usage: scaling {Command} DIR|discard").ConfigureAwait(false);
            return 2;
        }

        var (storage, indexPath) = args[0] == "discard"
            ? ((IInstanceStorage)new DiscardInstanceStorage(), (string?)null)
            : (new DiskInstanceStorage(args[0]), Path.Combine(args[0], "index.sqlite"));
        var options = new DicomServerOptions { AeTitle = OurScp.AeTitle, Storage = storage, IndexPath = indexPath, MaxAssociations = 0 };
        using var heap = new HeapPeakSampler();
        var server = await DicomServer.StartAsync(options).ConfigureAwait(false);
        await using (server.ConfigureAwait(false))
        {
            var storedAtReset = 0L;
            var residentAtReset = 0L;
            await Console.Out.WriteLineAsync("port " + server.Port.ToString(CultureInfo.InvariantCulture)).ConfigureAwait(false);
            while (await Console.In.ReadLineAsync().ConfigureAwait(false) is { } line && line != "quit")
            {
                if (line == "reset")
                {
                    heap.Reset();
                    ProcessMemory.ResetPeak(Environment.ProcessId);
                    storedAtReset = server.StoredInstances;
                    residentAtReset = ProcessMemory.ResidentBytes(Environment.ProcessId);
                    await Console.Out.WriteLineAsync("ok").ConfigureAwait(false);
                }
                else if (line == "stats")
                {
                    var pid = Environment.ProcessId;
                    long[] figures = [server.StoredInstances - storedAtReset, ProcessMemory.PeakResidentBytes(pid), residentAtReset, heap.PeakBytes, heap.AllocatedBytes];
                    await Console.Out.WriteLineAsync("stats " + string.Join(' ', figures.Select(f => f.ToString(CultureInfo.InvariantCulture)))).ConfigureAwait(false);
                }
                else
                {
                    await Console.Out.WriteLineAsync("error unknown command " + line).ConfigureAwait(false);
                }
            }
        }

        return 0;
    }
}
