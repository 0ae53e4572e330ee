using System.IO.Compression;
using Conformance.Harness.Docker;
using Conformance.Harness.Images;

namespace Conformance.Harness.Setup;

/// <summary>Queueing disciplines the topologies may use, and whether this kernel has them.</summary>
public sealed record KernelFeatures(IReadOnlyDictionary<string, bool> Qdiscs, string Method)
{
    public static readonly IReadOnlyList<string> Probed = ["netem", "tbf", "htb", "fq_codel"];

    public bool Has(string qdisc) => Qdiscs.TryGetValue(qdisc, out var present) && present;

    /// <summary>
    /// Tries each qdisc on the loopback of a throwaway container (its own network namespace,
    /// NET_ADMIN, no network), which is what the topologies do; no modprobe, no host changes.
    /// </summary>
    public static async Task<KernelFeatures> ProbeAsync(DockerCli docker, PeerImage netTools, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(docker);
        ArgumentNullException.ThrowIfNull(netTools);
        var script = string.Join("; ", Probed.Select(q =>
            $"if tc qdisc add dev lo root {Arguments(q)} 2>/dev/null; then echo {q}=yes; tc qdisc del dev lo root; else echo {q}=no; fi"));
        var result = await docker.RunAsync(
            ["run", "--rm", "--network", "none", "--cap-add", "NET_ADMIN", .. SuiteLabels.CliArguments, netTools.Tag, "sh", "-c", script],
            cancellationToken).ConfigureAwait(false);
        var found = result.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => line.Trim().Split('='))
            .Where(p => p.Length == 2)
            .ToDictionary(p => p[0], p => p[1] == "yes", StringComparer.Ordinal);
        return new KernelFeatures(found, "tc qdisc add on lo in a throwaway container namespace");
    }

    /// <summary>What /proc/config.gz says about a scheduler (CONFIG_NET_SCH_*), or null if the file is absent.</summary>
    public static string? KernelConfig(string option, string path = "/proc/config.gz")
    {
        if (!File.Exists(path))
        {
            return null;
        }

        using var file = File.OpenRead(path);
        using var gzip = new GZipStream(file, CompressionMode.Decompress);
        using var reader = new StreamReader(gzip);
        while (reader.ReadLine() is { } line)
        {
            if (line.StartsWith(option + "=", StringComparison.Ordinal))
            {
                return line[(option.Length + 1)..];
            }

            if (line == $"# {option} is not set")
            {
                return "not set";
            }
        }

        return "absent";
    }

    private static string Arguments(string qdisc) => qdisc switch
    {
        "netem" => "netem delay 1ms",
        "tbf" => "tbf rate 10mbit burst 32kbit latency 50ms",
        "htb" => "handle 1: htb",
        _ => qdisc,
    };
}
