using System.Text;
using Conformance.Budgets;
using Conformance.Harness.Topologies;

namespace Conformance.Harness.Scenarios.Seed2016;

/// <summary>The comparison a user reads: per topology, each exchange under each setting, then every failed budget's signature and evidence.</summary>
public static class Seed2016Report
{
    public static string Render(TopologySpec topology, LinkMeasurement? link, Seed2016Study study, IReadOnlyList<Seed2016Row> rows)
    {
        ArgumentNullException.ThrowIfNull(topology);
        ArgumentNullException.ThrowIfNull(study);
        ArgumentNullException.ThrowIfNull(rows);
        var text = new StringBuilder();
        text.AppendLine($"seed-2016 on {topology.Name}: {study.Images.Files.Count} CT images of 512x512x16 bits ({study.Images.BytesPerImage / 1024} KB each); the mechanism-B part moves {study.SeriesSize}");
        text.AppendLine($"link: {link?.ToString() ?? "not measured"}");
        var settings = FixSetting.All;
        var exchanges = rows.Select(r => r.Exchange).Distinct().ToList();
        var width = exchanges.Max(e => e.Length) + 2;
        var columns = settings.Select(s => rows.Where(r => r.Setting == s).Select(r => r.Cell().Length).DefaultIfEmpty(0).Max()).Select((w, i) => Math.Max(w, settings[i].Key.Length) + 2).ToList();
        text.Append("exchange".PadRight(width));
        for (var i = 0; i < settings.Count; i++)
        {
            text.Append("| ").Append(settings[i].Key.PadRight(columns[i]));
        }

        text.AppendLine();
        foreach (var exchange in exchanges)
        {
            text.Append(exchange.PadRight(width));
            for (var i = 0; i < settings.Count; i++)
            {
                var row = rows.FirstOrDefault(r => r.Exchange == exchange && r.Setting == settings[i]);
                text.Append("| ").Append((row?.Cell() ?? "-").PadRight(columns[i]));
            }

            text.AppendLine();
        }

        text.AppendLine(string.Join("; ", settings.Select(s => $"{s.Key} = {s.Title}")));
        foreach (var row in rows.Where(r => r.Error is not null || r.Defect is not null || r.Outcome is BudgetAttribution.Fail or BudgetAttribution.PeerDefect || !r.Complete))
        {
            text.AppendLine($"- {row.Setting.Key} {row.Exchange}: {OneLine(Explain(row))}");
        }

        return text.ToString();
    }

    /// <summary>Why a row is listed: its error, the catalogued defect (with the evidence the catalogue names), or the attributed verdict.</summary>
    private static string Explain(Seed2016Row row)
    {
        if (row.Error is not null)
        {
            return row.Error;
        }

        var said = row.Measurement?.Note is { } note ? $" [{note}]" : "";
        if (row.Defect is { } defect && !row.Complete)
        {
            return $"peer-defect {defect.Id}: {defect.Recognition}; {row.Measurement!.Operations.Count} of {row.Images} sub-operations on the wire{said}; evidence: {string.Join(", ", row.Measurement.Evidence)}";
        }

        var turn = row.Scu is null ? null : row.ReceiverTurn();
        return $"{row.Attribution?.Message ?? row.Verdict?.Message}{(turn is null ? "" : $" ({turn})")}{said}";
    }

    private static string OneLine(string text) => string.Join(' ', text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
}
