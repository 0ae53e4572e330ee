using Conformance.Cli.Matrix;
using Conformance.Harness.Images;
using Conformance.Harness.Sut.Catalog;
using Conformance.Harness.Topologies;

namespace Conformance.Unit.Tests.Cli;

/// <summary>`run`'s words are the harness's names: a topology or peer family added there must be added here.</summary>
public class MatrixAxesTests
{
    [Test]
    public void Topologies_are_the_harness_catalogues_names()
    {
        var catalogue = TopologyCatalog.Local.Concat([TopologyCatalog.CrossHostShaped, TopologyCatalog.RemoteLoopback]).Select(t => t.Name);

        MatrixAxes.Topologies.Should().BeEquivalentTo(catalogue);
        MatrixAxes.Topologies.Should().Contain(MatrixAxes.QuickTopology);
    }

    [Test]
    public void Peers_are_the_peer_families_with_dicom_tools()
    {
        MatrixAxes.Peers.Should().BeEquivalentTo(PeerFamily.All.Where(f => f != PeerFamily.NetTools).Select(f => f.Name));
    }

    [Test]
    public void Named_suts_are_the_harness_catalogues_names()
    {
        MatrixAxes.NamedSuts.Should().Equal(SutCatalog.Ours.Name, SutCatalog.OursPathological.Name, SutCatalog.Dcmtk.Name);
        MatrixAxes.NamedSuts.Should().AllSatisfy(name => MatrixSuts.Named(name).Should().NotBeNull());
    }

    [TestCase("ours", true)]
    [TestCase("ours-pathological", true)]
    [TestCase("dcmtk", true)]
    [TestCase("external:/etc/pacs.json", true)]
    [TestCase("external:", false)]
    [TestCase("fo-dicom", false)]
    public void Suts_are_ours_dcmtk_or_an_external_adapter(string text, bool valid) => MatrixAxes.IsSut(text).Should().Be(valid);
}
