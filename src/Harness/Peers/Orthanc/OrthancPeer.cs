using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Conformance.Harness.Topologies;

namespace Conformance.Harness.Peers.Orthanc;

/// <summary>
/// A running Orthanc: its DICOM service (the placement's port) and its REST API (<see cref="Rest"/>), through
/// which it is loaded with objects, told about remote modalities, and driven as an SCU (<see cref="OrthancScu"/>).
/// </summary>
public sealed class OrthancPeer(PeerStart start, int httpPort) : StartedPeer(start)
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

    public OrthancRest Rest => new(RestBase);

    /// <summary>Orthanc as an SCU, through the REST API.</summary>
    public OrthancScu Scu => new(Rest);

    /// <summary>Declares a modality (a remote AE Orthanc may talk to, or send C-MOVE results to).</summary>
    public async Task DefineModalityAsync(string name, string aeTitle, string host, int port, CancellationToken cancellationToken)
    {
        var body = new JsonObject { ["AET"] = aeTitle, ["Host"] = host, ["Port"] = port };
        await Rest.PutAsync($"modalities/{name}", body, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Orthanc as SCU: C-ECHO to a declared modality. True when the peer answered Success.</summary>
    public async Task<bool> EchoAsync(string modality, CancellationToken cancellationToken)
    {
        var reply = await Rest.PostAsync($"modalities/{modality}/echo", new JsonObject(), cancellationToken).ConfigureAwait(false);
        return reply.Succeeded;
    }

    /// <summary>Uploads a Part 10 file (POST /instances); returns Orthanc's instance id.</summary>
    public async Task<string> UploadAsync(string path, CancellationToken cancellationToken)
    {
        var reply = await Rest.PostFileAsync("instances", path, cancellationToken).ConfigureAwait(false);
        return reply.RequireJson()["ID"]?.GetValue<string>() ?? throw new InvalidOperationException($"Orthanc returned no ID for {path}: {reply.Body}");
    }

    /// <summary>The Orthanc id of the instance with this SOP Instance UID, or null.</summary>
    public async Task<string?> FindInstanceAsync(string sopInstanceUid, CancellationToken cancellationToken)
    {
        using var content = new StringContent(sopInstanceUid);
        var reply = await Rest.PostAsync("tools/lookup", content, cancellationToken).ConfigureAwait(false);
        return reply.RequireJson().AsArray()
            .Select(n => n?.AsObject())
            .FirstOrDefault(o => o?["Type"]?.GetValue<string>() == "Instance")?["ID"]?.GetValue<string>();
    }

    /// <summary>Deletes a study Orthanc holds (by Study Instance UID), so a later retrieve into Orthanc is seen arriving.</summary>
    public async Task DeleteStudyAsync(string studyInstanceUid, CancellationToken cancellationToken)
    {
        using var content = new StringContent(studyInstanceUid);
        var reply = await Rest.PostAsync("tools/lookup", content, cancellationToken).ConfigureAwait(false);
        foreach (var id in reply.RequireJson().AsArray().Select(n => n?.AsObject()).Where(o => o?["Type"]?.GetValue<string>() == "Study").Select(o => o!["ID"]!.GetValue<string>()))
        {
            await Rest.DeleteAsync($"studies/{id}", cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Downloads the stored file of an instance (GET /instances/{id}/file) to <paramref name="path"/>.</summary>
    public Task DownloadAsync(string instanceId, string path, CancellationToken cancellationToken) =>
        Rest.DownloadAsync($"instances/{instanceId}/file", path, cancellationToken);

    /// <summary>Orthanc's version (GET /system), e.g. "1.10.1".</summary>
    public async Task<string> VersionAsync(CancellationToken cancellationToken)
    {
        var reply = await Rest.GetAsync("system", cancellationToken).ConfigureAwait(false);
        return reply.RequireJson()["Version"]?.GetValue<string>() ?? "unknown";
    }
}
