namespace Conformance.Harness.Topologies;

/// <summary>What a topology measured about itself: raw TCP round trip and throughput between the two ends.</summary>
public sealed record LinkMeasurement(string Topology, TimeSpan RoundTrip, double? ThroughputMbit, string Method, string? Note)
{
    public override string ToString() =>
        $"{Topology}: RTT {RoundTrip.TotalMicroseconds:F0} us, throughput {(ThroughputMbit is { } t ? $"{t:F0} Mbit/s" : "not measured")} ({Method}){(Note is null ? string.Empty : "; " + Note)}";
}
