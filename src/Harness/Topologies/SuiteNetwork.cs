using System.Net;
using Conformance.Harness.Docker;

namespace Conformance.Harness.Topologies;

/// <summary>
/// A bridge network the suite created, with an explicit /24 inside 198.19.0.0/16 (the engine's
/// automatic pools stay in 198.18.0.0/16; 198.19.255.0/24 is the default bridge). Addresses are
/// handed out by the network itself so containers get fixed, known IPs.
/// </summary>
public sealed class SuiteNetwork : IAsyncDisposable
{
    private readonly DockerCli docker;
    private int nextHost = 10;

    private SuiteNetwork(DockerCli docker, string name, int thirdOctet)
    {
        this.docker = docker;
        Name = name;
        ThirdOctet = thirdOctet;
    }

    public string Name { get; }

    public int ThirdOctet { get; }

    public string Subnet => $"198.19.{ThirdOctet}.0/24";

    /// <summary>The bridge's own address: on a normal bridge, the host's address on this network.</summary>
    public IPAddress Gateway => IPAddress.Parse($"198.19.{ThirdOctet}.1");

    /// <summary>A fixed address: .2 is kept for a router.</summary>
    public IPAddress RouterAddress => IPAddress.Parse($"198.19.{ThirdOctet}.2");

    public IPAddress NextAddress() => IPAddress.Parse($"198.19.{ThirdOctet}.{Interlocked.Increment(ref nextHost)}");

    /// <summary>Creates the network, trying random /24s until one is free.</summary>
    public static async Task<SuiteNetwork> CreateAsync(DockerCli docker, string purpose, bool inhibitHostAddress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(docker);
        DockerCommandException? last = null;
        for (var attempt = 0; attempt < 20; attempt++)
        {
            var octet = Random.Shared.Next(0, 255);
            var name = $"conformance-{purpose}-{SuiteLabels.CurrentRunId}-{octet}";
            var arguments = new List<string>
            {
                "network", "create", "--driver", "bridge",
                "--subnet", $"198.19.{octet}.0/24", "--gateway", $"198.19.{octet}.1",
                "-o", "com.docker.network.driver.mtu=1500",
            };
            if (inhibitHostAddress)
            {
                arguments.AddRange(["-o", "com.docker.network.bridge.inhibit_ipv4=true"]);
            }

            foreach (var (key, value) in SuiteLabels.ForThisRun)
            {
                arguments.AddRange(["--label", $"{key}={value}"]);
            }

            arguments.Add(name);
            try
            {
                await docker.RunCheckedAsync(arguments, cancellationToken).ConfigureAwait(false);
                return new SuiteNetwork(docker, name, octet);
            }
            catch (DockerCommandException ex) when (ex.Message.Contains("overlap", StringComparison.OrdinalIgnoreCase))
            {
                last = ex;
            }
        }

        throw new InvalidOperationException("No free /24 inside 198.19.0.0/16 after 20 tries.", last);
    }

    public async ValueTask DisposeAsync()
    {
        await docker.RunAsync(["network", "rm", Name], CancellationToken.None).ConfigureAwait(false);
    }
}
