using Conformance.Harness.Topologies;

namespace Conformance.Harness.Matrix.Catalog;

/// <summary>
/// Which cases a run takes: topologies, systems under test, services, and an optional id filter. From the
/// environment: <c>CONFORMANCE_SUT</c> (see <c>SutCatalog</c>), <c>CONFORMANCE_MATRIX_TOPOLOGIES</c> (names,
/// comma-separated; default the three local ones), <c>CONFORMANCE_MATRIX_FILTER</c> (comma-separated
/// substrings of case ids; a case is taken when its id contains any of them).
/// </summary>
public sealed record MatrixSelection
{
    public const string TopologiesVariable = "CONFORMANCE_MATRIX_TOPOLOGIES";
    public const string FilterVariable = "CONFORMANCE_MATRIX_FILTER";

    public IReadOnlyList<TopologySpec> Topologies { get; init; } = TopologyCatalog.Local.ToList();

    /// <summary>SUT names (ours, dcmtk, external:NAME).</summary>
    public IReadOnlyList<string> Suts { get; init; } = ["ours"];

    /// <summary>Services to take; null takes all.</summary>
    public IReadOnlyList<string>? Services { get; init; }

    /// <summary>Peer families (dcmtk, gdcm, orthanc) to take; null takes all, and a list leaves out the peers that are no image (raw-peer, ours-scp).</summary>
    public IReadOnlyList<string>? PeerFamilies { get; init; }

    /// <summary>A short run (`conformance run --quick`): the first case of each (SUT, service, peer tool), reference pair included.</summary>
    public bool Quick { get; init; }

    /// <summary>Substrings of case ids; null or empty takes every case.</summary>
    public IReadOnlyList<string>? IdFilter { get; init; }

    /// <summary>Whether the reference pair's cases (sut dcmtk, one per topology) are in the run; the timing budgets need them.</summary>
    public bool IncludeReference { get; init; } = true;

    public bool Takes(string id) => IdFilter is not { Count: > 0 } filter || filter.Any(f => id.Contains(f, StringComparison.OrdinalIgnoreCase));

    public static MatrixSelection FromEnvironment(Func<string, string?> environment, IReadOnlyList<string> sutNames)
    {
        ArgumentNullException.ThrowIfNull(environment);
        var known = new[] { TopologyCatalog.SameHost, TopologyCatalog.Bridged, TopologyCatalog.CrossHost, TopologyCatalog.CrossHostShaped, TopologyCatalog.RemoteLoopback };
        var topologies = List(environment(TopologiesVariable))?.Select(name => known.FirstOrDefault(t => t.Name == name)
            ?? throw new ArgumentException($"{TopologiesVariable}: unknown topology '{name}'; known: {string.Join(", ", known.Select(t => t.Name))}", nameof(environment))).ToList();
        return new MatrixSelection
        {
            Topologies = topologies ?? TopologyCatalog.Local.ToList(),
            Suts = sutNames,
            IdFilter = List(environment(FilterVariable)),
        };
    }

    private static List<string>? List(string? value) =>
        string.IsNullOrWhiteSpace(value) ? null : value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();
}
