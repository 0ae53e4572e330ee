using System.Globalization;

namespace Conformance.Benchmarks.Scaling;

/// <summary>How the sweeps' points and memory figures are written in tables and on axes.</summary>
public static class ScalingLabels
{
    /// <summary>10000 -> "10 kB", 1000000000 -> "1 GB" (decimal units, as MB/s).</summary>
    public static string Size(long bytes) => bytes switch
    {
        >= 1_000_000_000 => Scaled(bytes, 1e9, "GB"),
        >= 1_000_000 => Scaled(bytes, 1e6, "MB"),
        >= 1_000 => Scaled(bytes, 1e3, "kB"),
        _ => bytes.ToString(CultureInfo.InvariantCulture) + " B",
    };

    public static string Point(string sweep, long x) => sweep == ScalingSweeps.Size ? Size(x) : x.ToString("N0", CultureInfo.InvariantCulture);

    /// <summary>Megabytes with one decimal below 10.</summary>
    public static string Megabytes(double bytes) =>
        double.IsNaN(bytes) ? "-" : (bytes / 1e6).ToString(bytes < 10e6 ? "F1" : "F0", CultureInfo.InvariantCulture);

    public static string Kilobytes(double bytes) =>
        double.IsNaN(bytes) ? "-" : (bytes / 1e3).ToString(bytes < 10e3 ? "F1" : "F0", CultureInfo.InvariantCulture);

    private static string Scaled(long bytes, double unit, string name) => (bytes / unit).ToString("0.##", CultureInfo.InvariantCulture) + " " + name;
}
