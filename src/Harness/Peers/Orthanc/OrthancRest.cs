using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Conformance.Harness.Peers.Orthanc;

/// <summary>One REST reply: HTTP status and body (Orthanc answers JSON, errors included).</summary>
public sealed record OrthancReply(int StatusCode, string Body)
{
    public bool Succeeded => StatusCode is >= 200 and < 300;

    public JsonNode RequireJson()
    {
        if (!Succeeded)
        {
            throw new InvalidOperationException($"Orthanc answered HTTP {StatusCode}: {Body}");
        }

        return JsonNode.Parse(Body) ?? throw new InvalidOperationException("Orthanc answered an empty body.");
    }

    public override string ToString() => $"HTTP {StatusCode}: {(Body.Length > 600 ? Body[..600] : Body)}";
}

/// <summary>A small client for Orthanc's REST API: every call returns the status and body, so callers can judge failures themselves.</summary>
public sealed class OrthancRest(Uri baseAddress)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(120);

    public Task<OrthancReply> GetAsync(string path, CancellationToken cancellationToken) =>
        SendAsync(client => client.GetAsync(new Uri(path, UriKind.Relative), cancellationToken));

    public Task<OrthancReply> PostAsync(string path, JsonNode body, CancellationToken cancellationToken) =>
        SendAsync(client => client.PostAsJsonAsync(path, body, cancellationToken));

    public Task<OrthancReply> PostAsync(string path, HttpContent content, CancellationToken cancellationToken) =>
        SendAsync(client => client.PostAsync(new Uri(path, UriKind.Relative), content, cancellationToken));

    public Task<OrthancReply> DeleteAsync(string path, CancellationToken cancellationToken) =>
        SendAsync(client => client.DeleteAsync(new Uri(path, UriKind.Relative), cancellationToken), requireSuccess: true);

    public Task<OrthancReply> PutAsync(string path, JsonNode body, CancellationToken cancellationToken) =>
        SendAsync(client => client.PutAsJsonAsync(path, body, cancellationToken), requireSuccess: true);

    public async Task<OrthancReply> PostFileAsync(string path, string file, CancellationToken cancellationToken)
    {
        using var content = new ByteArrayContent(await File.ReadAllBytesAsync(file, cancellationToken).ConfigureAwait(false));
        return await PostAsync(path, content, cancellationToken).ConfigureAwait(false);
    }

    public async Task DownloadAsync(string path, string file, CancellationToken cancellationToken)
    {
        using var client = NewClient();
        using var response = await client.GetAsync(new Uri(path, UriKind.Relative), cancellationToken).ConfigureAwait(false);
        response.EnsureSuccessStatusCode();
        var target = File.Create(file);
        await using (target.ConfigureAwait(false))
        {
            await response.Content.CopyToAsync(target, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task<OrthancReply> SendAsync(Func<HttpClient, Task<HttpResponseMessage>> send, bool requireSuccess = false)
    {
        using var client = NewClient();
        using var response = await send(client).ConfigureAwait(false);
        var body = await response.Content.ReadAsStringAsync().ConfigureAwait(false);
        var reply = new OrthancReply((int)response.StatusCode, body);
        return requireSuccess && !reply.Succeeded ? throw new InvalidOperationException($"Orthanc {response.RequestMessage?.RequestUri}: {reply}") : reply;
    }

    private HttpClient NewClient() => new() { BaseAddress = baseAddress, Timeout = Timeout };
}
