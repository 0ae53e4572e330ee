using System.Runtime.InteropServices;
using Conformance.Harness.HostPeers;

namespace Conformance.Benchmarks.Shared;

/// <summary>What the figures were measured on.</summary>
public sealed record MachineInfo(string Cpu, int Cores, string Kernel, string Os, string Dotnet, string Dcmtk, string LoadAverageStart)
{
    public string LoadAverageEnd { get; set; } = "";

    public static MachineInfo Read() => new(
        Cpu: FirstValue("/proc/cpuinfo", "model name") ?? RuntimeInformation.ProcessArchitecture.ToString(),
        Cores: Environment.ProcessorCount,
        Kernel: ReadTrimmed("/proc/sys/kernel/osrelease"),
        Os: FirstValue("/etc/os-release", "PRETTY_NAME", '=')?.Trim('"') ?? RuntimeInformation.OSDescription,
        Dotnet: RuntimeInformation.FrameworkDescription,
        Dcmtk: DcmtkEnvironment.Version("storescp"),
        LoadAverageStart: LoadAverage());

    public static string LoadAverage() => string.Join(' ', ReadTrimmed("/proc/loadavg").Split(' ').Take(3));

    private static string ReadTrimmed(string path) => File.Exists(path) ? File.ReadAllText(path).Trim() : "unknown";

    private static string? FirstValue(string path, string key, char separator = ':')
    {
        if (!File.Exists(path))
        {
            return null;
        }

        return File.ReadLines(path)
            .Where(l => l.StartsWith(key, StringComparison.Ordinal))
            .Select(l => l[(l.IndexOf(separator, StringComparison.Ordinal) + 1)..].Trim())
            .FirstOrDefault();
    }
}
