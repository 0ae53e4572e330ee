using System.Diagnostics;

namespace Conformance.Benchmarks.Shared;

/// <summary>
/// What every runner measures inside: the machine read at the start and its load at the end, a scratch directory
/// deleted afterwards whatever happens, and progress lines stamped with the time since the start.
/// </summary>
public sealed class RunFrame(Action<string> progress)
{
    private readonly Stopwatch _clock = Stopwatch.StartNew();

    public TimeSpan Elapsed => _clock.Elapsed;

    public void Log(string message) => progress($"[{_clock.Elapsed:mm\\:ss}] {message}");

    /// <summary>Runs <paramref name="measure"/> with <paramref name="workDirectory"/> created, and deletes it afterwards.</summary>
    public async Task<T> RunAsync<T>(string workDirectory, Func<MachineInfo, Task<T>> measure)
    {
        ArgumentNullException.ThrowIfNull(measure);
        var machine = MachineInfo.Read();
        Directory.CreateDirectory(workDirectory);
        try
        {
            Log($"machine: {machine.Cores} x {machine.Cpu}, kernel {machine.Kernel}, {machine.Dotnet}, DCMTK on this host {machine.Dcmtk}, load {machine.LoadAverageStart}");
            var result = await measure(machine).ConfigureAwait(false);
            machine.LoadAverageEnd = MachineInfo.LoadAverage();
            Log($"done in {_clock.Elapsed.TotalMinutes:F1} min, load {machine.LoadAverageEnd}");
            return result;
        }
        finally
        {
            Directory.Delete(workDirectory, recursive: true);
        }
    }
}
