using Conformance.Cli.Hosting;

namespace Conformance.Cli.Options;

/// <summary>
/// Checks on paths the user names, done before any work so that a typo costs one line and exit code
/// 2 (<see cref="ExitCodes.Usage"/>), not a DirectoryNotFoundException halfway through a run.
/// </summary>
internal static class CliPaths
{
    /// <summary>
    /// Creates <paramref name="path"/> (and its parents, like mkdir -p) when missing and proves it can be
    /// written by creating and deleting a file in it. Returns the full path.
    /// </summary>
    public static string WritableDirectory(string path, string what)
    {
        string full;
        try
        {
            full = Path.GetFullPath(path);
        }
        catch (Exception ex) when (ex is ArgumentException or NotSupportedException or PathTooLongException)
        {
            throw CliException.Usage($"{what} '{path}' is not a valid path: {ex.Message}");
        }

        if (File.Exists(full))
        {
            throw CliException.Usage($"{what} {full} is a file, not a directory");
        }

        try
        {
            Directory.CreateDirectory(full);
            var probe = Path.Combine(full, $".conformance-write-probe-{Environment.ProcessId}");
            File.WriteAllBytes(probe, []);
            File.Delete(probe);
            return full;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw CliException.Usage($"{what} {full} cannot be written: {ex.Message}");
        }
    }

    /// <summary>The parent of <paramref name="path"/> must exist: used where a missing parent is more likely a typo than a wish.</summary>
    public static string WithExistingParent(string path, string what)
    {
        var full = Path.GetFullPath(path);
        var parent = Path.GetDirectoryName(full);
        if (parent is not null && !Directory.Exists(parent))
        {
            throw CliException.Usage($"{what} {full}: its parent directory {parent} does not exist (create it first; nothing is created silently)");
        }

        return full;
    }

    /// <summary>An existing directory, e.g. the results folder `report` reads.</summary>
    public static string ExistingDirectory(string path, string what)
    {
        var full = Path.GetFullPath(path);
        return Directory.Exists(full) ? full : throw CliException.Usage($"{what} {full} does not exist");
    }
}
