using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Conformance.Harness.Topologies;
using DotNet.Testcontainers.Containers;

namespace Conformance.Harness.Peers.Orthanc;

/// <summary>A running Orthanc: its DICOM service (the placement's port) and a REST client for acting as SCU.</summary>
public sealed class OrthancPeer(IContainer container, Topology topology, PeerPlacement placement, string aeTitle, int httpPort)
    : StartedPeer(container, topology, placement, aeTitle)
{
    public int HttpPort { get; } = httpPort;

    public Uri RestBase
    {
        get
        {
            var endpoint = Topology.OurSideEndpoint(Container, Placement with { Port = HttpPort });
            return new Uri($"http://{endpoint.Host}:{endpoint.Port}/");
        }
    }

    /// <summary>Declares a modality (a remote AE Orthanc may talk to) through the REST API.</summary>
    public async Task DefineModalityAsync(string name, string aeTitle, string host, int port, CancellationToken cancellationToken)
    {
        using var client = NewClient();
        var body = new JsonObject { ["AET"] = aeTitle, ["Host"] = host, ["Port"] = port };
        using var response = await client.PutAsJsonAsync($"modalities/{name}", body, cancellationToken).ConfigureAwait(false);
        response.EnsureSuccessStatusCode();
    }

    /// <summary>Orthanc as SCU: C-ECHO to a declared modality. True when the peer answered Success.</summary>
    public async Task<bool> EchoAsync(string modality, CancellationToken cancellationToken)
    {
        using var client = NewClient();
        using var content = new StringContent("{}");
        using var response = await client.PostAsync(new Uri($"modalities/{modality}/echo", UriKind.Relative), content, cancellationToken).ConfigureAwait(false);
        return response.IsSuccessStatusCode;
    }

    private HttpClient NewClient() => new() { BaseAddress = RestBase, Timeout = TimeSpan.FromSeconds(60) };
}
