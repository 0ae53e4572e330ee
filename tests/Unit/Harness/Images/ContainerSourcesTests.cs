using Conformance.Harness.Images;

namespace Conformance.Unit.Tests.Harness.Images;

public sealed class ContainerSourcesTests
{
    [TestCaseSource(typeof(PeerFamily), nameof(PeerFamily.All))]
    public void Every_family_ships_a_dockerfile_taking_the_base_image_and_suite(PeerFamily family)
    {
        var dockerfile = System.Text.Encoding.UTF8.GetString(ContainerSources.FilesOf(family)["Dockerfile"]);

        dockerfile.Should().Contain("ARG BASE_IMAGE").And.Contain("FROM ${BASE_IMAGE}").And.Contain("ARG SUITE");
    }

    [Test]
    public void Content_hash_is_stable_and_changes_with_suite_and_base()
    {
        var hash = ContainerSources.ContentHash(PeerFamily.Dcmtk, "bookworm", "conformance/debian:bookworm");

        hash.Should().HaveLength(12).And.Be(ContainerSources.ContentHash(PeerFamily.Dcmtk, "bookworm", "conformance/debian:bookworm"));
        ContainerSources.ContentHash(PeerFamily.Dcmtk, "trixie", "conformance/debian:bookworm").Should().NotBe(hash);
        ContainerSources.ContentHash(PeerFamily.Dcmtk, "bookworm", "debian:bookworm-slim").Should().NotBe(hash);
        ContainerSources.ContentHash(PeerFamily.Gdcm, "bookworm", "conformance/debian:bookworm").Should().NotBe(hash);
    }

    [Test]
    public void Project_files_name_no_package_host()
    {
        foreach (var family in PeerFamily.All)
        {
            foreach (var (path, content) in ContainerSources.FilesOf(family))
            {
                System.Text.Encoding.UTF8.GetString(content).Should().NotMatchRegex(@"https?://", $"{family.Name}/{path} must not name a package host");
            }
        }
    }
}
