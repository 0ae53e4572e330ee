using System.Globalization;
using DotNet.Testcontainers.Configurations;
using DotNet.Testcontainers.Containers;

namespace Conformance.Harness.Peers.Dcmtk;

/// <summary>
/// A peer is ready when it answers C-ECHO: echoscu inside its own container, on loopback, so the
/// check asks the DICOM service itself and does not depend on the topology's routing.
/// </summary>
public sealed class EchoReadiness(string calledAeTitle, int port) : IWaitUntil
{
    public async Task<bool> UntilAsync(IContainer container)
    {
        ArgumentNullException.ThrowIfNull(container);
        var result = await container.ExecAsync(
            ["echoscu", "-to", "2", "-ta", "2", "-aet", "READINESS", "-aec", calledAeTitle, "127.0.0.1", port.ToString(CultureInfo.InvariantCulture)])
            .ConfigureAwait(false);
        return result.ExitCode == 0;
    }
}
