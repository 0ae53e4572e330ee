using System.Text.Json;
using System.Text.Json.Serialization;

namespace Conformance.Reporting.Results;

/// <summary>Reads and writes results files: snake_case names, enums as kebab-case strings (docs/results.md).</summary>
public static class ResultsJson
{
    public static JsonSerializerOptions Options { get; } = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower, allowIntegerValues: false) },
    };

    public static async Task WriteAsync(ResultsDocument document, string path, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(document);
        var directory = Path.GetDirectoryName(Path.GetFullPath(path));
        if (directory is not null)
        {
            Directory.CreateDirectory(directory);
        }

        // Written beside, then renamed: a reader never sees half a file.
        var temporary = path + ".tmp";
        var stream = File.Create(temporary);
        await using (stream.ConfigureAwait(false))
        {
            await JsonSerializer.SerializeAsync(stream, document, Options, cancellationToken).ConfigureAwait(false);
        }

        File.Move(temporary, path, overwrite: true);
    }

    public static async Task<ResultsDocument> ReadAsync(string path, CancellationToken cancellationToken)
    {
        var stream = File.OpenRead(path);
        await using var closing = stream.ConfigureAwait(false);
        try
        {
            var document = await JsonSerializer.DeserializeAsync<ResultsDocument>(stream, Options, cancellationToken).ConfigureAwait(false);
            return document ?? throw new InvalidDataException($"{path}: empty results file");
        }
        catch (JsonException ex)
        {
            throw new InvalidDataException($"{path}: not a results file ({ex.Message})", ex);
        }
    }
}
