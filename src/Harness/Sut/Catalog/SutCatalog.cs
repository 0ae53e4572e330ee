using Conformance.Harness.HostPeers;
using Conformance.Harness.Sut;
using Conformance.Harness.Sut.External;
using Conformance.Harness.Sut.Ours;

namespace Conformance.Harness.Sut.Catalog;

/// <summary>A system under test by name, made when a run needs it.</summary>
public sealed record SutDescriptor(string Name, Func<ISystemUnderTest> Create);

/// <summary>
/// The systems under test a run is asked for: <c>CONFORMANCE_SUT</c> is a comma-separated list of
/// <c>ours</c> (the default), <c>ours-pathological</c> (the canary SUT), <c>dcmtk</c> (host processes), <c>dcmtk-container</c> (DCMTK's tools from
/// the DCMTK peer image, on the host network) or a path to a JSON description of an external SUT.
/// </summary>
public static class SutCatalog
{
    public const string Variable = "CONFORMANCE_SUT";

    public static SutDescriptor Ours { get; } = new(OursSut.SutName, () => new OursSut());

    /// <summary>The canary SUT: our stack with Nagle on, split header/data writes and no quick ACK; its timed cells must fail with nagle-delayed-ack.</summary>
    public static SutDescriptor OursPathological { get; } = new(OursSut.PathologicalName, OursSut.Pathological);

    /// <summary>DCMTK on this host: the reference pair the timing budgets are judged against, and a SUT of its own.</summary>
    public static SutDescriptor Dcmtk { get; } = new(DcmtkSutConfig.SutName, () => new ExternalSut(DcmtkSutConfig.Create(DcmtkEnvironment.Version("storescu"))));

    public static IReadOnlyList<SutDescriptor> FromEnvironment(Func<string, string?> environment, Func<string>? dcmtkImage = null)
    {
        ArgumentNullException.ThrowIfNull(environment);
        var value = environment(Variable);
        if (string.IsNullOrWhiteSpace(value))
        {
            return [Ours];
        }

        return value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(name => name switch
        {
            OursSut.SutName => Ours,
            OursSut.PathologicalName => OursPathological,
            DcmtkSutConfig.SutName => Dcmtk,
            "dcmtk-container" => new SutDescriptor(DcmtkSutConfig.SutName, () => new ExternalSut(DcmtkSutConfig.Create(
                "DCMTK peer image", (dcmtkImage ?? throw new InvalidOperationException("no DCMTK image known"))()))),
            _ when File.Exists(name) => FromFile(name),
            _ => throw new ArgumentException($"{Variable}='{name}' is neither ours, ours-pathological, dcmtk, dcmtk-container nor a JSON file describing an SUT.", nameof(environment)),
        }).ToList();
    }

    private static SutDescriptor FromFile(string path)
    {
        var config = ExternalSutConfig.Load(path);
        return new SutDescriptor(config.Name, () => new ExternalSut(config));
    }
}
