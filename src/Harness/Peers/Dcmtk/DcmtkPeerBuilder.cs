using Conformance.Harness.Images;

namespace Conformance.Harness.Peers.Dcmtk;

/// <summary>The DCMTK image's SCP modules: the typed wire knobs (<see cref="DcmtkOptions"/>) and extra arguments they share.</summary>
public abstract record DcmtkPeerBuilder<TBuilder, TPeer> : PeerBuilder<TBuilder, TPeer>
    where TBuilder : DcmtkPeerBuilder<TBuilder, TPeer>
    where TPeer : StartedPeer
{
    public const int DefaultPort = 11112;

    public DcmtkOptions Options { get; init; } = new();

    public IReadOnlyList<string> ExtraArguments { get; init; } = [];

    public TBuilder WithOptions(DcmtkOptions options) => (TBuilder)(this with { Options = options });

    /// <summary>Extra arguments for the tool (e.g. storescp "+xs" or "--refuse").</summary>
    public TBuilder WithArguments(params string[] arguments) => (TBuilder)(this with { ExtraArguments = [.. ExtraArguments, .. arguments] });

    protected override int ServicePort => DefaultPort;

    protected override PeerFamily ImageFamily() => PeerFamily.Dcmtk;
}
