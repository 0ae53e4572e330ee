using System.Text.Json;

namespace Conformance.Harness.Sut.External;

/// <summary>
/// An implementation under test described as data (a JSON file named by <c>CONFORMANCE_SUT</c>, or the
/// built-in DCMTK description): one command template per SCU service, how to read what the commands
/// print, and where its SCP is. docs/matrix.md describes the placeholders.
/// </summary>
public sealed record ExternalSutConfig
{
    /// <summary>Results carry it as <c>sut</c>: "dcmtk" for the built-in one, else "external:NAME".</summary>
    public required string Name { get; init; }

    public string Version { get; init; } = "unknown";

    /// <summary>Null: the SCU commands run on this host. Else an image they run in (docker run --network host, folders bound at the same paths).</summary>
    public string? ContainerImage { get; init; }

    /// <summary>echo, store, find, move, get -> command template (whitespace-separated tokens with placeholders).</summary>
    public IReadOnlyDictionary<string, string> Scu { get; init; } = new Dictionary<string, string>();

    /// <summary>Knob -> template fragment for {knobs}: "max-pdu" ("--max-pdu {value}"), "dimse-timeout" ("-td {value}", seconds).</summary>
    public IReadOnlyDictionary<string, string> Knobs { get; init; } = new Dictionary<string, string>();

    /// <summary>Placeholder -> (value -> text): "model" (patient-root, study-root), "syntax" (transfer syntax UID of the files).</summary>
    public IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> Values { get; init; } = new Dictionary<string, IReadOnlyDictionary<string, string>>();

    /// <summary>An environment variable set to 1/0 for the no-delay knob (DCMTK: TCP_NODELAY).</summary>
    public string? NoDelayVariable { get; init; }

    /// <summary>Environment variables removed from what the commands inherit, so a default run is a default run.</summary>
    public IReadOnlyList<string> ClearedVariables { get; init; } = [];

    /// <summary>How statuses are read: "exit-code" (0 is success), or "dcmtk" (DCMTK's -d log).</summary>
    public string Parser { get; init; } = "exit-code";

    public ExternalScpConfig? Scp { get; init; }

    private static readonly JsonSerializerOptions JsonOptions = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower, ReadCommentHandling = JsonCommentHandling.Skip };

    public static ExternalSutConfig Load(string path)
    {
        var config = JsonSerializer.Deserialize<ExternalSutConfig>(File.ReadAllText(path), JsonOptions)
            ?? throw new InvalidDataException($"{path}: empty SUT description");
        return config.Name.StartsWith("external:", StringComparison.Ordinal) ? config : config with { Name = "external:" + config.Name };
    }
}

/// <summary>
/// Where the external SUT's SCP is: a fixed address (a PACS: host, port, AE title, and optionally the folder
/// it stores into, so stored objects can be compared), or an image the suite starts on the host network
/// with a command template ({port}, {ae}, {storage}).
/// </summary>
public sealed record ExternalScpConfig
{
    public string? Host { get; init; }

    public int? Port { get; init; }

    public string? AeTitle { get; init; }

    /// <summary>Folder (on this host) where the SCP writes what it receives; null: stored objects cannot be compared.</summary>
    public string? StorageDirectory { get; init; }

    public string? Image { get; init; }

    public string? Command { get; init; }
}
