using System.Diagnostics;

namespace Conformance.Benchmarks.Goals;

/// <summary>
/// A build of the <c>conformance</c> CLI started as a whole process: an apphost or native binary is run
/// directly, a .dll through <c>dotnet</c>; <paramref name="Environment"/> adds runtime settings
/// (e.g. DOTNET_TieredPGO=0) to measure them without rebuilding.
/// </summary>
public sealed record CliBinary(string Label, string Path, IReadOnlyDictionary<string, string> Environment)
{
    public const string DefaultBuild = "src/Cli/bin/Release/net10.0/conformance";

    /// <summary><c>LABEL=PATH[;VAR=VALUE...]</c>.</summary>
    public static CliBinary Parse(string text)
    {
        ArgumentException.ThrowIfNullOrEmpty(text);
        var equals = text.IndexOf('=', StringComparison.Ordinal);
        if (equals <= 0)
        {
            throw new ArgumentException($"--startup '{text}': expected LABEL=PATH[;VAR=VALUE...]");
        }

        var parts = text[(equals + 1)..].Split(';', StringSplitOptions.RemoveEmptyEntries);
        var environment = parts.Skip(1).Select(p => p.Split('=', 2)).ToDictionary(
            p => p[0], p => p.Length == 2 ? p[1] : throw new ArgumentException($"--startup '{text}': '{p[0]}' is not VAR=VALUE"));
        return Checked(new CliBinary(text[..equals], System.IO.Path.GetFullPath(parts[0]), environment));
    }

    /// <summary>The Release build of src/Cli in the checkout the program runs from (found upwards from the current directory).</summary>
    public static CliBinary Default()
    {
        for (var directory = new DirectoryInfo(System.Environment.CurrentDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(directory.FullName, "Conformance.sln")))
            {
                return Checked(new CliBinary("framework-dependent (dotnet build -c Release)", System.IO.Path.Combine(directory.FullName, DefaultBuild), new Dictionary<string, string>()));
            }
        }

        throw new ArgumentException("No Conformance.sln above the current directory: give --cli PATH");
    }

    public static CliBinary FromPath(string path) =>
        Checked(new CliBinary("--cli " + path, System.IO.Path.GetFullPath(path), new Dictionary<string, string>()));

    public ProcessStartInfo StartInfo(IEnumerable<string> arguments)
    {
        var dll = Path.EndsWith(".dll", StringComparison.OrdinalIgnoreCase);
        var info = new ProcessStartInfo(dll ? "dotnet" : Path)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        if (dll)
        {
            info.ArgumentList.Add(Path);
        }

        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in Environment)
        {
            info.Environment[name] = value;
        }

        return info;
    }

    public string Describe() =>
        Environment.Count == 0 ? Path : $"{Path} with {string.Join(' ', Environment.Select(e => $"{e.Key}={e.Value}"))}";

    private static CliBinary Checked(CliBinary binary) =>
        File.Exists(binary.Path)
            ? binary
            : throw new ArgumentException($"{binary.Path} does not exist: build it first (dotnet build -c Release src/Cli, or dotnet publish src/Cli -c Release -r linux-x64 -o DIR)");
}
