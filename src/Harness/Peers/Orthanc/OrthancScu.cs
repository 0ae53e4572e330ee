using System.Text.Json.Nodes;

namespace Conformance.Harness.Peers.Orthanc;

/// <summary>
/// Orthanc as a DICOM SCU, driven through its REST API against a declared modality: C-STORE of stored
/// instances, C-FIND (a query whose answers are read back), C-MOVE of a query's answers, and C-GET where
/// the Orthanc release has it (1.12.6 and later). Synchronous calls: the reply comes when the DICOM exchange ended.
/// </summary>
public sealed class OrthancScu(OrthancRest rest)
{
    /// <summary>The first Orthanc release with a C-GET SCU in its REST API.</summary>
    public static readonly Version FirstWithGetScu = new(1, 12, 6);

    public Task<OrthancReply> StoreAsync(string modality, IEnumerable<string> instanceIds, CancellationToken cancellationToken) =>
        rest.PostAsync($"modalities/{modality}/store", new JsonObject
        {
            ["Resources"] = new JsonArray([.. instanceIds.Select(id => (JsonNode)id)]),
            ["Synchronous"] = true,
        }, cancellationToken);

    /// <summary>Runs C-FIND; returns the reply of the query call and, when it succeeded, each answer's tags ("gggg,eeee" -> value).</summary>
    public async Task<(OrthancReply Reply, IReadOnlyList<IReadOnlyDictionary<string, string>> Answers)> FindAsync(
        string modality, string level, IReadOnlyDictionary<string, string> query, CancellationToken cancellationToken)
    {
        var body = new JsonObject { ["Level"] = level, ["Query"] = Keys(query) };
        var reply = await rest.PostAsync($"modalities/{modality}/query", body, cancellationToken).ConfigureAwait(false);
        if (!reply.Succeeded)
        {
            return (reply, []);
        }

        var id = reply.RequireJson()["ID"]!.GetValue<string>();
        var list = (await rest.GetAsync($"queries/{id}/answers", cancellationToken).ConfigureAwait(false)).RequireJson().AsArray();
        var answers = new List<IReadOnlyDictionary<string, string>>();
        foreach (var index in list.Select(n => n!.GetValue<string>()))
        {
            var content = (await rest.GetAsync($"queries/{id}/answers/{index}/content?short", cancellationToken).ConfigureAwait(false)).RequireJson().AsObject();
            answers.Add(content.ToDictionary(p => p.Key, p => p.Value?.ToString() ?? string.Empty, StringComparer.OrdinalIgnoreCase));
        }

        return (reply, answers);
    }

    /// <summary>C-MOVE of the resources at <paramref name="level"/> (their UIDs) to <paramref name="targetAe"/>.</summary>
    public Task<OrthancReply> MoveAsync(string modality, string level, IReadOnlyDictionary<string, string> resource, string targetAe, CancellationToken cancellationToken) =>
        rest.PostAsync($"modalities/{modality}/move", new JsonObject
        {
            ["Level"] = level,
            ["Resources"] = new JsonArray(Keys(resource)),
            ["TargetAet"] = targetAe,
            ["Synchronous"] = true,
        }, cancellationToken);

    /// <summary>C-GET of the resources at <paramref name="level"/>; Orthanc stores what it receives.</summary>
    public Task<OrthancReply> GetAsync(string modality, string level, IReadOnlyDictionary<string, string> resource, CancellationToken cancellationToken) =>
        rest.PostAsync($"modalities/{modality}/get", new JsonObject
        {
            ["Level"] = level,
            ["Resources"] = new JsonArray(Keys(resource)),
            ["Synchronous"] = true,
        }, cancellationToken);

    /// <summary>Parses "1.10.1" or "1.12.6+dfsg-1" (a Debian package version) to a comparable version.</summary>
    public static Version ParseVersion(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var digits = new string(text.TakeWhile(c => char.IsAsciiDigit(c) || c == '.').ToArray()).Trim('.');
        return Version.TryParse(!digits.Contains('.', StringComparison.Ordinal) ? digits + ".0" : digits, out var version) ? version : new Version(0, 0);
    }

    private static JsonObject Keys(IReadOnlyDictionary<string, string> keys) =>
        new(keys.Select(k => KeyValuePair.Create(k.Key, (JsonNode?)k.Value)));
}
