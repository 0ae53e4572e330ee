using System.Buffers;
using System.Text;
using System.Text.Json;

namespace Conformance.Benchmarks.Shared;

/// <summary>NAME.json: the header every report shares (measuredUtc, command, machine, options), then the report's own figures.</summary>
public static class ReportJson
{
    private static readonly JsonWriterOptions Indented = new() { Indented = true };

    /// <param name="figures">An object whose properties follow the header, in their order.</param>
    public static string Render(IBenchmarkReport report, object options, object figures)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(options);
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, Indented))
        {
            writer.WriteStartObject();
            writer.WritePropertyName("measuredUtc");
            JsonSerializer.Serialize(writer, report.MeasuredUtc);
            writer.WriteString("command", report.CommandLine);
            writer.WritePropertyName("machine");
            JsonSerializer.Serialize(writer, report.Machine);
            writer.WritePropertyName("options");
            JsonSerializer.Serialize(writer, options, options.GetType());
            foreach (var property in JsonSerializer.SerializeToElement(figures).EnumerateObject())
            {
                property.WriteTo(writer);
            }

            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }
}
