using Conformance.Harness.Topologies;

namespace Conformance.Unit.Tests.Harness.Topologies;

public class TopologyCatalogTests
{
    [Test]
    public void Without_a_remote_engine_no_real_second_host_is_configured()
    {
        TopologyCatalog.ConfiguredRemote(_ => null).Should().BeNull();
        TopologyCatalog.ConfiguredRemote(_ => "  ").Should().BeNull();
    }

    [Test]
    public void A_remote_engine_and_advertised_address_make_a_remote_host_topology()
    {
        var settings = new Dictionary<string, string>
        {
            [TopologyCatalog.RemoteEngineVariable] = "tcp://192.0.2.10:2376",
            ["CONFORMANCE_ADVERTISED_ADDRESS"] = "192.0.2.1",
        };

        var spec = TopologyCatalog.ConfiguredRemote(name => settings.GetValueOrDefault(name));

        spec.Should().NotBeNull();
        spec!.Name.Should().Be("remote-host");
        spec.Kind.Should().Be(TopologyKind.Remote);
        spec.DockerEndpoint.Should().Be("tcp://192.0.2.10:2376");
        spec.AdvertisedAddress.Should().Be("192.0.2.1");
        spec.RelayLocalEngine.Should().BeFalse();
    }
}
