using Conformance.Dicom.Network.Transport;
using Conformance.Harness.Matrix.Model;
using Conformance.Harness.Matrix.Running;
using Conformance.Harness.Matrix.Stage;
using Conformance.Harness.Sut.Catalog;
using Conformance.Harness.Sut.Ours;

namespace Conformance.Unit.Tests.Harness.Matrix;

/// <summary>The canary SUT by name, the connection it runs with, and the latency table its failures carry as evidence.</summary>
public class CanarySutTests
{
    [Test]
    public async Task Ours_pathological_is_chosen_by_name_and_is_our_stack_with_mechanism_A_only()
    {
        var chosen = SutCatalog.FromEnvironment(name => name == SutCatalog.Variable ? "ours, ours-pathological" : null);
        await using var sut = chosen[1].Create();

        chosen.Select(d => d.Name).Should().Equal("ours", "ours-pathological");
        sut.Name.Should().Be("ours-pathological");
        sut.Version.Should().Contain("Nagle on");
        OursSut.PathologicalConnection.Should().BeEquivalentTo(
            new { NoDelay = false, QuickAck = false, SplitPduWrites = true, ReceiveBufferSizeAfterConnect = (int?)null, SplitEveryNthMessage = 1 },
            o => o.ExcludingMissingMembers());
        ConnectionOptions.Pathological.ReceiveBufferSizeAfterConnect.Should().NotBeNull("only the canary SUT leaves mechanism B out");
    }

    [Test]
    public void The_latency_table_lists_every_operation_beside_the_reference()
    {
        var timings = new CellTimings("c-store", [TimeSpan.FromMilliseconds(44.5), TimeSpan.FromMilliseconds(45.25), TimeSpan.FromMilliseconds(43)], TimeSpan.FromMilliseconds(132.74));
        var reference = new ReferenceMeasurement([TimeSpan.FromMilliseconds(1.5), TimeSpan.FromMilliseconds(2)], true, "dcmtk both TCP_NODELAY=1, same-host", "") { ReceivedDirectory = "/tmp" };

        var lines = LatencyTable.Render(timings, reference).Split('\n', StringSplitOptions.RemoveEmptyEntries);

        lines.Should().Equal(
            "# c-store: 3 operation(s), total 132.7 ms",
            "# reference: dcmtk both TCP_NODELAY=1, same-host",
            "operation\tlatency_ms\treference_ms",
            "1\t44.500\t1.500",
            "2\t45.250\t2.000",
            "3\t43.000\t");
        LatencyTable.Render(timings, null).Should().Contain("# reference: none (judged against the link alone)");
    }
}
