using DotNet.Testcontainers.Configurations;
using DotNet.Testcontainers.Containers;

namespace Conformance.Harness.Peers.Dcmtk;

/// <summary>Readiness for a peer that refuses associations on purpose: its port is listening.</summary>
public sealed class PortListening(int port) : IWaitUntil
{
    public async Task<bool> UntilAsync(IContainer container)
    {
        ArgumentNullException.ThrowIfNull(container);
        var result = await container.ExecAsync(["sh", "-c", $"ss -Hltn | grep -q ':{port} '"]).ConfigureAwait(false);
        return result.ExitCode == 0;
    }
}
