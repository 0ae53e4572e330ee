using Conformance.Harness.Topologies;

namespace Conformance.Interop.Tests.Harness;

/// <summary>Each topology measures itself at start; a shaped cross-host link shows its rate limit and says what it could not do.</summary>
public sealed class TopologyMeasurementTests
{
    [TestCaseSource(typeof(TopologyCatalog), nameof(TopologyCatalog.Smoke))]
    public async Task A_started_topology_carries_its_rtt_and_throughput(TopologySpec spec)
    {
        var topology = await HarnessSetUpFixture.Topologies.GetAsync(spec, CancellationToken.None);
        TestContext.Out.WriteLine(topology.Measurement);

        topology.Measurement.Should().NotBeNull();
        topology.Measurement!.RoundTrip.Should().BePositive();
        topology.Measurement.ThroughputMbit.Should().BePositive();
    }

    [Test]
    public async Task A_rate_limited_cross_host_link_is_slower_than_the_unlimited_one_and_reports_netem()
    {
        var unlimited = await HarnessSetUpFixture.Topologies.GetAsync(TopologyCatalog.CrossHost, CancellationToken.None);
        var shaped = await HarnessSetUpFixture.Topologies.GetAsync(TopologyCatalog.CrossHostShaped, CancellationToken.None);
        TestContext.Out.WriteLine(unlimited.Measurement);
        TestContext.Out.WriteLine(shaped.Measurement);

        shaped.Measurement!.ThroughputMbit.Should().BeLessThan(
            unlimited.Measurement!.ThroughputMbit!.Value / 2, "tbf limits the router to 100 Mbit/s; the unlimited link is measured in the same run");
        shaped.Notes.Should().Contain(n => n.Contains("tbf", StringComparison.Ordinal));
        shaped.Notes.Should().Contain(n => n.Contains("netem", StringComparison.Ordinal), "the topology says plainly whether latency was added");
    }
}
