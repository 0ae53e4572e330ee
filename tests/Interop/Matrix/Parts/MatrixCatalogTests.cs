using System.Text.RegularExpressions;
using Conformance.Harness.Matrix.Catalog;
using Conformance.Harness.Matrix.Model;
using Conformance.Harness.Topologies;

namespace Conformance.Interop.Tests.Matrix.Parts;

/// <summary>The catalogue as data: ids unique and in the documented grammar, and every cell the issue asks for present.</summary>
public sealed partial class MatrixCatalogTests
{
    private static readonly IReadOnlyList<MatrixCase> Default = MatrixCatalog.Cases(new MatrixSelection());

    [Test]
    public void Ids_are_unique_and_follow_the_grammar()
    {
        var cases = MatrixCatalog.Cases(new MatrixSelection { Suts = ["ours", "dcmtk"] });

        cases.Select(c => c.Id).Should().OnlyHaveUniqueItems();
        cases.Should().OnlyContain(c => IdGrammar().IsMatch(c.Id), "docs/matrix.md: {service}/{sut_role}/{sut}/{peer-tool}/{topology}/{variant}");
    }

    [Test]
    public void Every_service_runs_in_both_roles_on_each_local_topology_with_dcmtk_gdcm_and_orthanc()
    {
        foreach (var topology in TopologyCatalog.Local)
        {
            var here = Default.Where(c => c.Topology == topology && c.Sut == "ours").ToList();
            foreach (var service in Services.All)
            {
                here.Where(c => c.Service == service).Select(c => c.SutRole).Distinct().Should().BeEquivalentTo([SutRoles.Scu, SutRoles.Scp], $"{service} on {topology}");
            }

            here.Select(c => c.Peer.Family?.Name).OfType<string>().Distinct().Should().Contain(["dcmtk", "gdcm", "orthanc"]);
        }
    }

    [Test]
    public void The_reference_pairs_are_in_the_default_run_and_the_dcmtk_cells_only_on_request()
    {
        Default.Where(c => c.Sut == "dcmtk").Should().HaveCount(2 * TopologyCatalog.Local.Count()).And.OnlyContain(c => c.Variant.Name.EndsWith(".nodelay", StringComparison.Ordinal));
        MatrixCatalog.Cases(new MatrixSelection { Suts = ["dcmtk"] }).Where(c => c.Sut == "dcmtk").Should().HaveCountGreaterThan(100);
    }

    [Test]
    public void A_filter_keeps_the_cases_whose_id_contains_one_of_its_parts()
    {
        var cases = MatrixCatalog.Cases(new MatrixSelection { IdFilter = ["echo/scp", "/max-pdu-4096"] });

        cases.Should().NotBeEmpty().And.OnlyContain(c => c.Id.StartsWith("echo/scp", StringComparison.Ordinal) || c.Id.EndsWith("/max-pdu-4096", StringComparison.Ordinal));
    }

    [Test]
    public void Quick_keeps_the_timed_series_so_a_short_run_judges_the_budgets()
    {
        var quick = MatrixCatalog.Cases(new MatrixSelection { Topologies = [TopologyCatalog.SameHost], Suts = ["ours-pathological"], Quick = true });

        quick.Where(c => c.Variant.Timed).Select(c => c.Id).Should().BeEquivalentTo(
            "store/scu/ours-pathological/storescp/same-host/explicit-le.series20", "store/scp/ours-pathological/storescu/same-host/explicit-le.series20");
        quick.Where(c => c.Sut == "dcmtk").Should().HaveCount(2, "the reference pair they are judged against");
    }

    [GeneratedRegex(@"^(echo|store|find|move|get|negotiation|fault)/(scu|scp)/[a-z0-9:-]+/[a-z0-9-]+/[a-z0-9-]+/[a-z0-9.-]+$")]
    private static partial Regex IdGrammar();
}
