using System.Globalization;
using System.Text;

namespace Conformance.Benchmarks.Shared;

/// <summary>NAME.md as it is written: the shared header lines, headings, tables and the number formats all tables use.</summary>
public sealed class MarkdownText
{
    private readonly StringBuilder _text = new();

    public MarkdownText Line(string line = "")
    {
        _text.Append(line).Append('\n');
        return this;
    }

    /// <summary>
    /// "Measured DATE UTC on CORES x CPU, OS, kernel K, .NET{tools}; load average START at start, END at end{tail}.":
    /// <paramref name="tools"/> names the peers' versions, <paramref name="tail"/> adds to the sentence.
    /// </summary>
    public MarkdownText Measured(IBenchmarkReport report, string tools, string tail = "")
    {
        ArgumentNullException.ThrowIfNull(report);
        var m = report.Machine;
        return Line($"Measured {report.MeasuredUtc:yyyy-MM-dd HH:mm} UTC on {m.Cores} x {m.Cpu}, {m.Os}, kernel {m.Kernel}, {m.Dotnet}{tools}; load average {m.LoadAverageStart} at start, {m.LoadAverageEnd} at end{tail}.");
    }

    /// <summary>"Command: `...`." and what the report adds to it.</summary>
    public MarkdownText Command(IBenchmarkReport report, string more = "")
    {
        ArgumentNullException.ThrowIfNull(report);
        return Line($"Command: `{report.CommandLine}`.{more}");
    }

    /// <summary>A level-3 heading between blank lines.</summary>
    public MarkdownText Heading(string title) => Line().Line("### " + title).Line();

    /// <summary>A table's header row and its separator.</summary>
    public MarkdownText Table(params string[] columns)
    {
        ArgumentNullException.ThrowIfNull(columns);
        return Row(columns).Line("|" + string.Concat(columns.Select(_ => "---|")));
    }

    public MarkdownText Row(params string[] cells)
    {
        ArgumentNullException.ThrowIfNull(cells);
        return Line("| " + string.Join(" | ", cells) + " |");
    }

    public override string ToString() => _text.ToString();

    /// <summary>"median (min-max)".</summary>
    public static string Spread(Samples s, string format)
    {
        ArgumentNullException.ThrowIfNull(s);
        return $"{s.Median.ToString(format, CultureInfo.InvariantCulture)} ({s.Min.ToString(format, CultureInfo.InvariantCulture)}-{s.Max.ToString(format, CultureInfo.InvariantCulture)})";
    }

    /// <summary>Milliseconds with enough digits for sub-millisecond values.</summary>
    public static string Milliseconds(double value) =>
        value.ToString(Math.Abs(value) < 10 ? "F3" : Math.Abs(value) < 100 ? "F2" : "F1", CultureInfo.InvariantCulture);
}
