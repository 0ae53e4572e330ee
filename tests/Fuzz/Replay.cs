using Conformance.Fuzz.Targets;

namespace Conformance.Fuzz;

/// <summary>
/// Runs saved inputs through a target once each: how a crash reproducer is checked by hand and how
/// run-fuzz.sh tells a new finding from a known one (by <see cref="Signature"/>).
/// </summary>
internal static class Replay
{
    public static int Run(IFuzzTarget target, IEnumerable<string> paths)
    {
        var failed = 0;
        var files = paths.SelectMany(p => Directory.Exists(p) ? Directory.EnumerateFiles(p, "*", SearchOption.AllDirectories) : [p]).Order(StringComparer.Ordinal);
        foreach (var file in files)
        {
            try
            {
                target.Run(File.ReadAllBytes(file));
                Console.WriteLine($"ok      {file}");
            }
#pragma warning disable CA1031 // Any escaping exception is the finding being reported.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                failed++;
                Console.WriteLine($"ESCAPED {file}: {ex.GetType().Name}: {ex.Message}");
                Console.WriteLine($"SIGNATURE {Signature(ex)}");
                Console.WriteLine(ex.StackTrace);
            }
        }

        return failed == 0 ? 0 : 1;
    }

    /// <summary>
    /// Exception type and the innermost frame of our code: one per distinct defect (the message is left out:
    /// the same fault reached through another item or offset is the same defect).
    /// </summary>
    public static string Signature(Exception ex)
    {
        var frame = ex.StackTrace?.Split('\n').Select(l => l.Trim()).FirstOrDefault(l => l.StartsWith("at Conformance.", StringComparison.Ordinal)) ?? "?";
        return $"{ex.GetType().Name}|{frame.Split(" in ")[0]}";
    }
}
