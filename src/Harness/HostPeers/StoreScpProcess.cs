using System.Diagnostics;

namespace Conformance.Harness.HostPeers;

/// <summary>
/// DCMTK storescp on a free loopback port, writing to <c>-od DIR</c>, started with <c>-v</c> so that it
/// prints one line per association event and message ("Association Received", "Received Store Request",
/// "Received Echo Request", "Association Release"): each line is stamped when it arrives here (a dedicated
/// reader thread per stream), which gives per-image and per-echo times at the receiver. Ended by its PID on dispose.
/// </summary>
public sealed class StoreScpProcess : IAsyncDisposable
{
    public const string AeTitle = "STORESCP";

    private readonly Process _process;
    public const string StoreRequest = "Received Store Request";
    public const string EchoRequest = "Received Echo Request";
    public const string AssociationReceived = "Association Received";
    public const string AssociationRelease = "Association Release";

    private static readonly string[] Events = [StoreRequest, EchoRequest, AssociationReceived, AssociationRelease];

    private readonly List<(long Stamp, string Event)> _events = [];
    private readonly List<string> _tail = [];
    private readonly Thread[] _readers;

    private StoreScpProcess(Process process, int port, string outputDirectory, bool noDelay)
    {
        _process = process;
        Port = port;
        OutputDirectory = outputDirectory;
        NoDelay = noDelay;
        _readers = [Reader(process.StandardOutput), Reader(process.StandardError)];
        foreach (var reader in _readers)
        {
            reader.Start();
        }
    }

    public int Port { get; }

    public string OutputDirectory { get; }

    public bool NoDelay { get; }

    public int ProcessId => _process.Id;

    /// <param name="ignore">storescp <c>--ignore</c>: receive the data but store nothing.</param>
    public static async Task<StoreScpProcess> StartAsync(string outputDirectory, bool noDelay, CancellationToken ct, bool ignore = false)
    {
        Directory.CreateDirectory(outputDirectory);
        var port = LocalPorts.Free();
        string[] arguments = ["-v", "-aet", AeTitle, "-od", outputDirectory, .. ignore ? ["--ignore"] : Array.Empty<string>(), port.ToString(System.Globalization.CultureInfo.InvariantCulture)];
        var info = DcmtkEnvironment.StartInfo("storescp", arguments, noDelay);
        var process = Process.Start(info) ?? throw new InvalidOperationException("storescp did not start");
        var scp = new StoreScpProcess(process, port, outputDirectory, noDelay);
        try
        {
            await LocalPorts.WaitListeningAsync(port, () => !process.HasExited, TimeSpan.FromSeconds(10), ct).ConfigureAwait(false);
        }
        catch
        {
            await scp.DisposeAsync().ConfigureAwait(false);
            throw;
        }

        return scp;
    }

    /// <summary>Forgets the stamps so far (call before each transfer).</summary>
    public void ResetStamps()
    {
        lock (_events)
        {
            _events.Clear();
        }
    }

    /// <summary>Stopwatch stamps of the "Received Store Request" lines since the last reset.</summary>
    public IReadOnlyList<long> StoreRequestStamps() => Stamps(StoreRequest);

    /// <summary>Stopwatch stamps of the lines of one kind (one of the constants above) since the last reset.</summary>
    public IReadOnlyList<long> Stamps(string kind)
    {
        lock (_events)
        {
            return [.. _events.Where(e => e.Event == kind).Select(e => e.Stamp)];
        }
    }

    /// <summary>Waits until <paramref name="count"/> lines of a kind were seen (a log line can trail the peer's action slightly).</summary>
    public async Task WaitForAsync(string kind, int count, CancellationToken ct)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(5);
        while (Stamps(kind).Count < count && DateTime.UtcNow < deadline)
        {
            await Task.Delay(5, ct).ConfigureAwait(false);
        }
    }

    /// <summary>Waits until <paramref name="count"/> store requests were seen (the log line can trail the SCU's release slightly).</summary>
    public Task WaitForStoreRequestsAsync(int count, CancellationToken ct) => WaitForAsync(StoreRequest, count, ct);

    public string RecentOutput()
    {
        lock (_tail)
        {
            return string.Join('\n', _tail);
        }
    }

    /// <summary>Deletes what storescp wrote (between runs; not timed).</summary>
    public void ClearOutput()
    {
        foreach (var file in Directory.EnumerateFiles(OutputDirectory))
        {
            File.Delete(file);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill();
        }

        await _process.WaitForExitAsync().ConfigureAwait(false);
        foreach (var reader in _readers)
        {
            reader.Join(TimeSpan.FromSeconds(2));
        }

        _process.Dispose();
    }

    private Thread Reader(StreamReader stream) => new(() =>
    {
        while (stream.ReadLine() is { } line)
        {
            var stamp = Stopwatch.GetTimestamp();
            var kind = Array.Find(Events, e => line.Contains(e, StringComparison.Ordinal));
            if (kind is not null)
            {
                lock (_events)
                {
                    _events.Add((stamp, kind));
                }
            }

            lock (_tail)
            {
                _tail.Add(line);
                if (_tail.Count > 20)
                {
                    _tail.RemoveAt(0);
                }
            }
        }
    })
    { IsBackground = true, Name = "storescp output" };
}
