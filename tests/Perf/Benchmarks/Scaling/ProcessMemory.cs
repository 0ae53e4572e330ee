using System.Globalization;

namespace Conformance.Benchmarks.Scaling;

/// <summary>
/// Resident memory of a process from /proc/PID/status: VmRSS now and VmHWM, the peak since the process started
/// or since <see cref="ResetPeak"/> (writing 5 to /proc/PID/clear_refs sets the peak back to the current RSS, Linux 4.0+).
/// </summary>
public static class ProcessMemory
{
    public static long ResidentBytes(int pid) => StatusKilobytes(pid, "VmRSS:") * 1024;

    public static long PeakResidentBytes(int pid) => StatusKilobytes(pid, "VmHWM:") * 1024;

    public static void ResetPeak(int pid) => File.WriteAllText($"/proc/{pid}/clear_refs", "5");

    private static long StatusKilobytes(int pid, string key)
    {
        var line = File.ReadLines($"/proc/{pid}/status").FirstOrDefault(l => l.StartsWith(key, StringComparison.Ordinal))
            ?? throw new InvalidOperationException($"/proc/{pid}/status has no {key} line");
        return long.Parse(line[key.Length..].Trim().Split(' ')[0], NumberStyles.None, CultureInfo.InvariantCulture);
    }
}
