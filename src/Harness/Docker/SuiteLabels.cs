using System.Diagnostics;

namespace Conformance.Harness.Docker;

/// <summary>
/// Labels on everything the suite creates, so cleanup finds its own resources and nothing else.
/// A run is one process (a test assembly or a CLI call); its id and pid let the next run tell a
/// killed run's leftovers (pid gone) from a run still going in parallel (pid alive).
/// </summary>
public static class SuiteLabels
{
    public const string Suite = "org.conformance.suite";
    public const string RunId = "org.conformance.run";
    public const string OwnerPid = "org.conformance.pid";
    public const string OwnerHost = "org.conformance.host";
    public const string Family = "org.conformance.family";
    public const string DebianSuite = "org.conformance.debian-suite";
    public const string ContentHash = "org.conformance.content-hash";
    public const string VersionPrefix = "org.conformance.version.";

    /// <summary>The filter that selects every suite resource.</summary>
    public const string SuiteFilter = Suite + "=true";

    /// <summary>This process's run id.</summary>
    public static string CurrentRunId { get; } = Guid.NewGuid().ToString("N")[..12];

    /// <summary>Labels for a container or network created by this run.</summary>
    public static IReadOnlyDictionary<string, string> ForThisRun { get; } = new Dictionary<string, string>
    {
        [Suite] = "true",
        [RunId] = CurrentRunId,
        [OwnerPid] = Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture),
        [OwnerHost] = Environment.MachineName,
    };

    /// <summary>This run's labels as docker CLI arguments (--label k=v ...).</summary>
    public static IReadOnlyList<string> CliArguments { get; } =
        ForThisRun.SelectMany(label => new[] { "--label", $"{label.Key}={label.Value}" }).ToList();

    /// <summary>Whether a process with this pid is alive on this machine.</summary>
    public static bool IsProcessAlive(int pid)
    {
        try
        {
            using var process = Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }
}
