using System.Globalization;
using Conformance.Harness.HostPeers;

namespace Conformance.Benchmarks.Goals;

/// <summary>
/// Goal 4: one C-ECHO as a whole process (start, associate, echo, release, exit), echoscu against each
/// CLI build, interleaved run by run, all against one storescp; every process with TCP_NODELAY=1.
/// </summary>
public sealed class EchoStartup(IReadOnlyList<CliBinary> binaries, string workDirectory)
{
    public const string EchoScuId = "echo-echoscu";

    public Measurement EchoScu { get; } = new(EchoScuId, "echoscu (DCMTK)", "echo", 1, 0);

    public IReadOnlyList<Measurement> Ours { get; } =
        [.. binaries.Select((b, i) => new Measurement($"echo-{i + 1}", $"{b.Label}: {b.Describe()}", "echo", 1, 0))];

    /// <summary><paramref name="runs"/> runs of each, interleaved; <paramref name="round"/> &lt; 0 = warm-up (page cache), not recorded.</summary>
    public async Task RunAsync(int round, int runs, CancellationToken ct)
    {
        var directory = Path.Combine(workDirectory, "echo-storescp");
        Directory.CreateDirectory(directory);
        var port = LocalPorts.Free();
        var portText = port.ToString(CultureInfo.InvariantCulture);
        var storescp = DcmtkEnvironment.StartInfo("storescp", ["-aet", StoreScpProcess.AeTitle, "-od", directory, portText], noDelay: true);
        await using var scp = await ListeningProcess.StartAsync(storescp, port, null, ct).ConfigureAwait(false);
        for (var run = 0; run < runs; run++)
        {
            var seconds = await DcmtkEnvironment.RunAsync("echoscu", ["-aet", "ECHOSCU", "-aec", StoreScpProcess.AeTitle, "127.0.0.1", portText], noDelay: true, ct).ConfigureAwait(false);
            Record(EchoScu, round, seconds);
            for (var i = 0; i < binaries.Count; i++)
            {
                var info = binaries[i].StartInfo(["echo", "127.0.0.1", portText, "--called", StoreScpProcess.AeTitle]);
                info.Environment["TCP_NODELAY"] = "1";
                Record(Ours[i], round, await DcmtkEnvironment.RunAsync(info, ct).ConfigureAwait(false));
            }
        }

        EchoScu.Checked = Checked(runs);
        foreach (var ours in Ours)
        {
            ours.Checked = Checked(runs);
        }
    }

    private static string Checked(int runs) => $"{runs} processes per round, each exit code 0 (C-ECHO status Success)";

    private static void Record(Measurement measurement, int round, double seconds)
    {
        if (round >= 0)
        {
            measurement.Add(round, seconds);
        }
    }
}
