using System.Globalization;
using Conformance.Harness.Processes;

namespace Conformance.Harness.Sut;

/// <summary>
/// Loads an SCP under test with objects before a query/retrieve case: DCMTK's storescu on this host, the
/// same loader whatever the SUT, so a case never depends on the SUT's own SCU to set itself up.
/// </summary>
public static class ScpLoader
{
    public static async Task LoadAsync(string host, int port, string calledAe, IReadOnlyList<string> files, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(files);
        using var runner = new HostProcessRunner();
        string[] arguments = ["-aet", "LOADER", "-aec", calledAe, host, port.ToString(CultureInfo.InvariantCulture), .. files];
        var result = await runner.RunAsync(new ProcessStart("storescu", arguments), cancellationToken).ConfigureAwait(false);
        if (!result.Succeeded)
        {
            throw new InvalidOperationException($"Loading {files.Count} object(s) into {calledAe} at {host}:{port} failed: {result.Describe()}");
        }
    }
}
