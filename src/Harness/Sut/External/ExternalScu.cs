using System.Globalization;
using Conformance.Dicom.IO;
using Conformance.Dicom.Query;

namespace Conformance.Harness.Sut.External;

/// <summary>
/// An SCU given as command templates (<see cref="ExternalSutConfig.Scu"/>): each call expands its service's
/// template, runs it, and reads what happened with the configured parser. C-FIND/C-MOVE/C-GET identifiers
/// go in a query file ({query-file}); C-FIND responses come back as files in {out}; C-GET writes into {out}.
/// </summary>
public sealed class ExternalScu(ExternalSutConfig config, IScuLogParser parser) : ISutScu
{
    private static readonly TimeSpan Limit = TimeSpan.FromMinutes(3);
    private readonly SutCommandRunner _runner = new(config?.ContainerImage);
    private int _sequence;

    public Task<ScuRun> EchoAsync(ScuCall call, CancellationToken cancellationToken) =>
        RunAsync("echo", "c-echo", call, [], new Dictionary<string, string>(), [], cancellationToken);

    public Task<ScuRun> StoreAsync(ScuCall call, IReadOnlyList<string> files, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(files);
        var syntaxes = files.Select(f => DicomFile.Open(f).TransferSyntax.Uid).Distinct(StringComparer.Ordinal).ToList();
        var syntax = syntaxes.Count == 1 ? Mapped("syntax", syntaxes[0], string.Empty) : string.Empty;
        return RunAsync("store", "c-store", call, files, new Dictionary<string, string> { ["syntax"] = syntax }, files.Select(Path.GetDirectoryName).OfType<string>(), cancellationToken);
    }

    public async Task<ScuRun> FindAsync(ScuCall call, QuerySpec query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(call);
        var output = Directory.CreateDirectory(Path.Combine(call.WorkDirectory, $"find-{Interlocked.Increment(ref _sequence)}")).FullName;
        var run = await RunAsync("find", "c-find", call, [], QueryValues(call, query, output), [output], cancellationToken).ConfigureAwait(false);
        var matches = Directory.GetFiles(output, "*.dcm").Order(StringComparer.Ordinal).Select(f => DicomFile.Open(f).Dataset).ToList();
        return run with { Matches = matches };
    }

    public Task<ScuRun> MoveAsync(ScuCall call, QuerySpec query, string destinationAe, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(call);
        var values = QueryValues(call, query, call.WorkDirectory);
        values["destination"] = destinationAe;
        return RunAsync("move", "c-move", call, [], values, [], cancellationToken);
    }

    public async Task<ScuRun> GetAsync(ScuCall call, QuerySpec query, string outputDirectory, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(call);
        Directory.CreateDirectory(outputDirectory);
        var run = await RunAsync("get", "c-get", call, [], QueryValues(call, query, outputDirectory), [outputDirectory], cancellationToken).ConfigureAwait(false);
        return run with { ReceivedFiles = Directory.GetFiles(outputDirectory).Order(StringComparer.Ordinal).ToList() };
    }

    private Dictionary<string, string> QueryValues(ScuCall call, QuerySpec query, string output)
    {
        ArgumentNullException.ThrowIfNull(query);
        var file = Path.Combine(call.WorkDirectory, $"query-{Interlocked.Increment(ref _sequence)}.dcm");
        File.WriteAllBytes(file, DicomDatasetWriter.ToArray(query.ToDataset(), DicomTransferSyntax.ExplicitVRLittleEndian));
        return new Dictionary<string, string>
        {
            ["query-file"] = file,
            ["model"] = Mapped("model", query.ModelName, query.ModelName),
            ["level"] = query.Level.ToDicom(),
            ["out"] = output,
        };
    }

    private async Task<ScuRun> RunAsync(
        string service, string operation, ScuCall call, IReadOnlyList<string> files, Dictionary<string, string> values, IEnumerable<string> folders, CancellationToken cancellationToken)
    {
        var template = config.Scu.TryGetValue(service, out var t) ? t : throw new SutCapabilityException($"{config.Name} has no '{service}' command template");
        values["host"] = call.Host;
        values["port"] = call.Port.ToString(CultureInfo.InvariantCulture);
        values["called"] = call.CalledAe;
        values["calling"] = call.CallingAe;
        values.TryAdd("out", call.WorkDirectory);
        var lists = new Dictionary<string, IReadOnlyList<string>> { ["files"] = files, ["knobs"] = Knobs(call) };
        var command = CommandTemplate.Expand(template, values, lists);
        var result = await _runner.RunAsync(command, Environment(call), [call.WorkDirectory, .. folders], Limit, cancellationToken).ConfigureAwait(false);
        return parser.Parse(operation, result);
    }

    private List<string> Knobs(ScuCall call)
    {
        var knobs = new List<string>();
        void Add(string knob, string? value)
        {
            if (value is null)
            {
                return;
            }

            var fragment = config.Knobs.TryGetValue(knob, out var f) ? f : throw new SutCapabilityException($"{config.Name} has no '{knob}' knob");
            knobs.AddRange(CommandTemplate.Expand(fragment, new Dictionary<string, string> { ["value"] = value }, new Dictionary<string, IReadOnlyList<string>>()));
        }

        if (call.MaxPdu == 0 && !config.Knobs.ContainsKey("max-pdu-unlimited"))
        {
            throw new SutCapabilityException($"{config.Name} cannot announce an unlimited maximum PDU length");
        }

        Add(call.MaxPdu == 0 ? "max-pdu-unlimited" : "max-pdu", call.MaxPdu?.ToString(CultureInfo.InvariantCulture));
        Add("dimse-timeout", call.DimseTimeout is { } t ? ((int)Math.Ceiling(t.TotalSeconds)).ToString(CultureInfo.InvariantCulture) : null);
        return knobs;
    }

    private Dictionary<string, string?> Environment(ScuCall call)
    {
        var environment = config.ClearedVariables.ToDictionary(v => v, _ => (string?)null, StringComparer.Ordinal);
        if (call.NoDelay is { } noDelay && config.NoDelayVariable is { } variable)
        {
            environment[variable] = noDelay ? "1" : "0";
        }

        return environment;
    }

    private string Mapped(string placeholder, string key, string fallback) =>
        config.Values.TryGetValue(placeholder, out var map) && map.TryGetValue(key, out var text) ? text : fallback;
}
