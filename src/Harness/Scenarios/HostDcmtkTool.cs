using System.Diagnostics;
using Conformance.Harness.HostPeers;
using Conformance.Harness.Peers.Dcmtk;

namespace Conformance.Harness.Scenarios;

/// <summary>
/// A DCMTK tool run on this host (our side of every topology), with exactly the knobs of its
/// <see cref="DcmtkOptions"/> in its environment: TCP_NODELAY and TCP_BUFFER_LENGTH of the parent process
/// never leak into it.
/// </summary>
public static class HostDcmtkTool
{
    public static async Task<string> RunAsync(string program, IEnumerable<string> arguments, DcmtkOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        var info = DcmtkEnvironment.StartInfo(program, [.. options.Arguments(), .. arguments], noDelay: false);
        foreach (var (name, value) in options.Environment())
        {
            info.Environment[name] = value;
        }

        using var process = Process.Start(info) ?? throw new InvalidOperationException($"{program} did not start");
        var stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
        try
        {
            await process.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        var output = await stdout.ConfigureAwait(false) + await stderr.ConfigureAwait(false);
        return process.ExitCode == 0
            ? output
            : throw new InvalidOperationException($"{program} ({string.Join(' ', options.Environment().Select(e => $"{e.Key}={e.Value}"))}) exited with {process.ExitCode}: {(output.Length > 800 ? output[^800..] : output)}");
    }
}
