using System.Globalization;
using System.Text.RegularExpressions;

namespace Conformance.Harness.Peers.Tools;

/// <summary>A running toolbox container: runs SCU tools and reports exit code, output, statuses and timing.</summary>
public sealed partial class Toolbox(PeerStart start) : StartedPeer(start)
{
    private const string ElapsedMarker = "conformance-elapsed-ns=";

    /// <summary>Runs a tool; the time is taken inside the container around the tool alone (no docker exec overhead).</summary>
    public async Task<ToolResult> RunAsync(ToolCommand command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        const string wrapper = "s=$(date +%s%N); \"$@\"; rc=$?; e=$(date +%s%N); echo \"" + ElapsedMarker + "$((e-s))\" >&2; exit $rc";
        var exec = new List<string> { "env" };
        exec.AddRange(command.Environment.Select(e => $"{e.Key}={e.Value}"));
        exec.AddRange(["sh", "-c", wrapper, "sh", command.Program]);
        exec.AddRange(command.Arguments);
        var result = await Container.ExecAsync(exec, cancellationToken).ConfigureAwait(false);

        var elapsed = TimeSpan.Zero;
        var marker = Elapsed().Match(result.Stderr);
        if (marker.Success)
        {
            elapsed = TimeSpan.FromTicks(long.Parse(marker.Groups[1].Value, CultureInfo.InvariantCulture) / 100);
        }

        var stderr = Elapsed().Replace(result.Stderr, string.Empty);
        return new ToolResult(command.ToString(), (int)(result.ExitCode ?? -1), result.Stdout, stderr, elapsed);
    }

    /// <summary>Copies a host file or folder into the container by tar streaming (docker cp), for engines without bind mounts.</summary>
    public async Task CopyInAsync(string hostPath, string containerPath, CancellationToken cancellationToken)
    {
        await Topology.Docker.RunCheckedAsync(["cp", hostPath, $"{Container.Id}:{containerPath}"], cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Copies a file or folder out of the container by tar streaming (docker cp).</summary>
    public async Task CopyOutAsync(string containerPath, string hostPath, CancellationToken cancellationToken)
    {
        await Topology.Docker.RunCheckedAsync(["cp", $"{Container.Id}:{containerPath}", hostPath], cancellationToken).ConfigureAwait(false);
    }

    [GeneratedRegex(ElapsedMarker + @"(\d+)\n?")]
    private static partial Regex Elapsed();
}
