using System.Globalization;

namespace Conformance.Cli.Output;

/// <summary>One line per event, time-stamped, written whole under a lock: the SCP's associations log from many tasks.</summary>
internal sealed class TimestampedLog(TextWriter writer, TimeProvider? clock = null)
{
    private readonly Lock _gate = new();
    private readonly TimeProvider _clock = clock ?? TimeProvider.System;

    public void Write(string line)
    {
        var stamp = _clock.GetUtcNow().ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture);
        lock (_gate)
        {
            writer.WriteLine($"{stamp} {line}");
            writer.Flush();
        }
    }
}
