using Conformance.Harness.Docker;
using Conformance.Harness.Images;

namespace Conformance.Harness.Setup;

/// <summary>What setup found and made: the engine, the base image choice, the peer images, Ryuk.</summary>
public sealed record HarnessEnvironment(
    HarnessSettings Settings,
    DockerCli Docker,
    DockerEngineStatus Engine,
    BaseImageChoice BaseImage,
    IReadOnlyDictionary<string, PeerImage> Images,
    bool RyukEnabled)
{
    public PeerImage Image(PeerFamily family)
    {
        ArgumentNullException.ThrowIfNull(family);
        return Images.TryGetValue(family.Name, out var image)
            ? image
            : throw new InvalidOperationException($"Peer image '{family.Name}' was not prepared by setup.");
    }
}
