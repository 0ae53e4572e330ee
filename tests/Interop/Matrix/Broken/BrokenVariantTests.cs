using Conformance.Harness.Sut.Catalog;
using Conformance.Harness.Matrix.Cells;
using Conformance.Harness.Matrix.Corpus;
using Conformance.Harness.Matrix.Model;
using Conformance.Harness.Matrix.Running;
using Conformance.Harness.Peers;
using Conformance.Harness.Sut;
using Conformance.Harness.Topologies;
using Conformance.Reporting.Results;

namespace Conformance.Interop.Tests.Matrix.Broken;

/// <summary>
/// The matrix must catch a broken implementation and say why. Three deliberately broken variants of our
/// stack (test doubles around it, nothing switched inside src/Dicom) run the very cases the matrix runs for
/// ours, which pass there; here each must fail with a message that names the cause. Their rows go to a
/// results folder of their own, not the assembly's results file.
/// </summary>
[TestFixture]
[Category("Matrix")]
public sealed class BrokenVariantTests
{
    private static readonly TopologySpec Topology = TopologyCatalog.SameHost;
    private string results = null!;
    private MatrixRunner runner = null!;

    [OneTimeSetUp]
    public async Task StartRunner()
    {
        results = Directory.CreateTempSubdirectory("conformance-broken-").FullName;
        runner = await MatrixRunner.StartAsync(new MatrixRunOptions
        {
            Producer = "broken-variants",
            ResultsDirectory = results,
            Environment = HarnessSetUpFixture.Environment,
            Topologies = HarnessSetUpFixture.Topologies,
            Suts =
            [
                new SutDescriptor(BrokenStatusSut.SutName, () => new BrokenStatusSut()),
                new SutDescriptor(OversizeFragmentSut.SutName, () => new OversizeFragmentSut()),
                new SutDescriptor(BrokenGroupLengthSut.SutName, () => new BrokenGroupLengthSut()),
            ],
            Log = HarnessSetUpFixture.Log,
        }, CancellationToken.None);
    }

    [OneTimeTearDown]
    public async Task StopRunner()
    {
        if (runner is not null)
        {
            await runner.DisposeAsync();
        }

        Directory.Delete(results, recursive: true);
    }

    [Test]
    public async Task A_wrong_status_fails_the_store_case_and_names_the_status()
    {
        var row = await RunAsync(Services.Store, SutRoles.Scp, BrokenStatusSut.SutName, PeerTool.StoreScu, new StoreFromStoreScu(SyntaxCase.ExplicitLittle));

        row.Outcome.Should().Be(CaseOutcome.Fail, row.Message);
        row.Message.Should().Contain("0x0110").And.Contain("expected Success for each");
    }

    [Test]
    public async Task A_fragment_over_the_negotiated_maximum_fails_the_pdu_case_and_names_the_fragment()
    {
        var row = await RunAsync(Services.Negotiation, SutRoles.Scu, OversizeFragmentSut.SutName, PeerTool.StoreScp, new MaxPdu(16384, SutIsScp: false));

        row.Outcome.Should().Be(CaseOutcome.Fail, row.Message);
        row.Message.Should().MatchRegex(@"P-DATA-TF #\d+ from the requestor carries a 32768-byte variable field; the acceptor announced a maximum of 16384");
    }

    [Test]
    public async Task A_wrong_command_group_length_fails_the_pdu_case_and_names_the_group_length()
    {
        var row = await RunAsync(Services.Negotiation, SutRoles.Scu, BrokenGroupLengthSut.SutName, PeerTool.StoreScp, new MaxPdu(16384, SutIsScp: false));

        row.Outcome.Should().Be(CaseOutcome.Fail, row.Message);
        row.Message.Should().MatchRegex(@"the command set in P-DATA-TF #1 from the requestor has a wrong group length: \(0000,0000\) says \d+ bytes follow, \d+ do");
    }

    private async Task<CaseResult> RunAsync(string service, string role, string sut, PeerTool peer, CaseVariant variant)
    {
        var row = await runner.RunAsync(new MatrixCase(service, role, sut, peer, Topology, variant), CancellationToken.None);
        TestContext.Out.WriteLine($"{row.Id}: {row.Outcome}: {row.Message}");
        return row;
    }
}
