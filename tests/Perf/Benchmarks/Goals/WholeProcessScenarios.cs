using System.Diagnostics;
using System.Globalization;
using Conformance.Harness.HostPeers;
using Microsoft.Data.Sqlite;

namespace Conformance.Benchmarks.Goals;

/// <summary>
/// The configurations users run, every side a whole process: storescu / <c>conformance store</c> / the raw
/// sender against storescp / <c>conformance scp</c> / the raw receiver. Each receiver is started fresh on a
/// free loopback port before the timed window; the window is the sender's process start to its exit (its
/// last response, or for raw TCP the receiver's one-byte confirmation, came back). Each run checks what
/// arrived and says so in <see cref="Transfer.Checked"/>.
/// </summary>
public sealed class WholeProcessScenarios(CliBinary cli, string workDirectory)
{
    private const string Localhost = "127.0.0.1";
    private const string OurAe = "OURSCP";

    public async Task<Transfer> StoreScuToStoreScpAsync(TransferSet set, CancellationToken ct)
    {
        var directory = NewDirectory("storescp");
        var port = LocalPorts.Free();
        try
        {
            await using var scp = await StartStoreScpAsync(directory, port, noDelay: true, ct).ConfigureAwait(false);
            var seconds = await RunStoreScuAsync(set, port, StoreScpProcess.AeTitle, ct).ConfigureAwait(false);
            return new Transfer(seconds, StoredFiles(directory, set.Count, "storescp"));
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    /// <summary>storescu (TCP_NODELAY=1) -> <c>conformance scp --storage DIR [--durable]</c>: files, SQLite index on disk.</summary>
    public async Task<Transfer> StoreScuToOurScpAsync(TransferSet set, bool durable, CancellationToken ct)
    {
        var directory = Path.Combine(workDirectory, "ourscp-" + Guid.NewGuid().ToString("N"));
        var port = LocalPorts.Free();
        try
        {
            await using var scp = await StartOurScpAsync(port, durable ? [directory, "--durable"] : [directory], ct).ConfigureAwait(false);
            var seconds = await RunStoreScuAsync(set, port, OurAe, ct).ConfigureAwait(false);
            var logged = await scp.WaitForCountedAsync(set.Count, ct).ConfigureAwait(false);
            var files = Directory.EnumerateFiles(directory, "*.dcm").Count();
            var rows = IndexRows(Path.Combine(directory, "index.sqlite"));
            if (logged != set.Count || files != set.Count || rows != set.Count)
            {
                throw new InvalidOperationException($"conformance scp: {logged} 'stored' lines, {files} files, {rows} index rows for {set.Count} sent\n{scp.RecentOutput()}");
            }

            return new Transfer(seconds, $"{files} files, {rows} index rows, {logged} 'stored' lines");
        }
        finally
        {
            if (Directory.Exists(directory))
            {
                Directory.Delete(directory, recursive: true);
            }
        }
    }

    /// <summary><c>conformance store DIR</c> -> <c>conformance scp --storage discard</c>.</summary>
    public async Task<Transfer> OurStoreToOurDiscardAsync(TransferSet set, CancellationToken ct)
    {
        var port = LocalPorts.Free();
        await using var scp = await StartOurScpAsync(port, ["discard"], ct).ConfigureAwait(false);
        var seconds = await RunOurStoreAsync(set, port, OurAe, ct).ConfigureAwait(false);
        var logged = await scp.WaitForCountedAsync(set.Count, ct).ConfigureAwait(false);
        return logged == set.Count
            ? new Transfer(seconds, $"{logged} 'stored' lines (discarded)")
            : throw new InvalidOperationException($"conformance scp --storage discard logged {logged} of {set.Count}\n{scp.RecentOutput()}");
    }

    /// <summary><c>conformance store DIR</c> -> storescp -od, storescp with TCP_NODELAY=1 or DCMTK's defaults (Nagle on).</summary>
    public async Task<Transfer> OurStoreToStoreScpAsync(TransferSet set, bool noDelay, CancellationToken ct)
    {
        var directory = NewDirectory("storescp");
        var port = LocalPorts.Free();
        try
        {
            await using var scp = await StartStoreScpAsync(directory, port, noDelay, ct).ConfigureAwait(false);
            var seconds = await RunOurStoreAsync(set, port, StoreScpProcess.AeTitle, ct).ConfigureAwait(false);
            return new Transfer(seconds, StoredFiles(directory, set.Count, "storescp"));
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    /// <summary>The raw TCP baseline as two processes of this program (<see cref="RawTcpTool"/>): the same files' bytes, the same loopback.</summary>
    public async Task<Transfer> RawProcessesAsync(TransferSet set, CancellationToken ct)
    {
        var port = LocalPorts.Free();
        var program = typeof(RawTcpTool).Assembly.Location;
        var receiver = Dotnet(program, "goals", "raw-receive", port.ToString(CultureInfo.InvariantCulture), set.Bytes.ToString(CultureInfo.InvariantCulture));
        await using var listening = await ListeningProcess.StartAsync(receiver, port, null, ct).ConfigureAwait(false);
        var seconds = await DcmtkEnvironment.RunAsync(Dotnet(program, "goals", "raw-send", port.ToString(CultureInfo.InvariantCulture), set.Directory), ct).ConfigureAwait(false);
        var exit = await listening.WaitForExitAsync(TimeSpan.FromSeconds(10), ct).ConfigureAwait(false);
        return exit == 0
            ? new Transfer(seconds, $"{set.Bytes} bytes received and confirmed")
            : throw new InvalidOperationException($"raw-receive exited with {exit}: {listening.RecentOutput()}");
    }

    private Task<double> RunStoreScuAsync(TransferSet set, int port, string calledAe, CancellationToken ct) =>
        DcmtkEnvironment.RunAsync("storescu", ["-aet", "STORESCU", "-aec", calledAe, Localhost, port.ToString(CultureInfo.InvariantCulture), .. set.Files], noDelay: true, ct);

    private Task<double> RunOurStoreAsync(TransferSet set, int port, string calledAe, CancellationToken ct) =>
        DcmtkEnvironment.RunAsync(cli.StartInfo(["store", Localhost, port.ToString(CultureInfo.InvariantCulture), "--called", calledAe, set.Directory]), ct);

    private Task<ListeningProcess> StartOurScpAsync(int port, string[] storage, CancellationToken ct) =>
        ListeningProcess.StartAsync(cli.StartInfo(["scp", "--port", port.ToString(CultureInfo.InvariantCulture), "--ae", OurAe, "--storage", .. storage]), port, "stored ", ct);

    /// <summary>storescp as users start it: no -v (the throughput runner's -v prints several lines per image).</summary>
    private static Task<ListeningProcess> StartStoreScpAsync(string directory, int port, bool noDelay, CancellationToken ct) =>
        ListeningProcess.StartAsync(DcmtkEnvironment.StartInfo("storescp", ["-aet", StoreScpProcess.AeTitle, "-od", directory, port.ToString(CultureInfo.InvariantCulture)], noDelay), port, null, ct);

    private static ProcessStartInfo Dotnet(string program, params string[] arguments)
    {
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        info.ArgumentList.Add(program);
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        return info;
    }

    private string NewDirectory(string prefix)
    {
        var directory = Path.Combine(workDirectory, prefix + "-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        return directory;
    }

    private static string StoredFiles(string directory, int expected, string receiver)
    {
        var files = Directory.EnumerateFiles(directory).Count();
        return files == expected ? $"{files} files at {receiver}" : throw new InvalidOperationException($"{receiver} wrote {files} files, expected {expected}");
    }

    /// <summary>Rows of the instances table, read while the SCP still runs (WAL: a reader sees every committed row).</summary>
    private static long IndexRows(string path)
    {
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ConnectionString);
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM instances";
        return (long)command.ExecuteScalar()!;
    }
}

/// <summary>One timed run: the sender's wall time and what the run checked at the receiver.</summary>
public sealed record Transfer(double Seconds, string Checked);
