using System.Text.Json;

namespace Conformance.Benchmarks.Shared;

/// <summary>A NAME.json read back (<c>NAME --from FILE.json</c>): its <see cref="ReportJson"/> header, and the readers its figures share.</summary>
public sealed class RecordedJson : IDisposable
{
    private static readonly JsonSerializerOptions CaseInsensitive = new() { PropertyNameCaseInsensitive = true };

    private readonly JsonDocument _document;

    private RecordedJson(string path, JsonDocument document)
    {
        Path = path;
        _document = document;
    }

    public string Path { get; }

    public JsonElement Root => _document.RootElement;

    public DateTime MeasuredUtc => Root.GetProperty("measuredUtc").GetDateTime();

    public string CommandLine => Text(Root, "command");

    public static RecordedJson Open(string path) => new(path, JsonDocument.Parse(File.ReadAllText(path)));

    public MachineInfo Machine()
    {
        var element = Root.GetProperty("machine");
        var machine = Read<MachineInfo>(element) ?? throw new InvalidDataException($"{Path}: no machine");
        machine.LoadAverageEnd = Text(element, "LoadAverageEnd");
        return machine;
    }

    public T Options<T>() => Read<T>(Root.GetProperty("options")) ?? throw new InvalidDataException($"{Path}: no options");

    public static T? Read<T>(JsonElement element) => element.Deserialize<T>(CaseInsensitive);

    public static string Text(JsonElement element, string name) => element.GetProperty(name).GetString() ?? "";

    /// <summary>One run as <c>{ seconds, images, bytes, perImageMs: [...] }</c>.</summary>
    public static RunResult Run(JsonElement run) => new(
        run.GetProperty("seconds").GetDouble(),
        run.GetProperty("images").GetInt32(),
        run.GetProperty("bytes").GetInt64(),
        [.. run.GetProperty("perImageMs").EnumerateArray().Select(g => g.GetDouble())]);

    public void Dispose() => _document.Dispose();
}
