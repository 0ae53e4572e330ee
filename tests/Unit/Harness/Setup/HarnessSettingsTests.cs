using Conformance.Harness.Setup;

namespace Conformance.Unit.Tests.Harness.Setup;

public sealed class HarnessSettingsTests
{
    [Test]
    public void Defaults_are_bookworm_and_an_undecided_base_image_source()
    {
        var settings = HarnessSettings.FromVariables(_ => null);

        settings.DebianSuite.Should().Be("bookworm");
        settings.BaseImages.Should().BeNull();
        settings.OnGitHubActions.Should().BeFalse();
        settings.MayInstall.Should().BeTrue();
    }

    [Test]
    public void Every_setting_is_one_variable_away()
    {
        var variables = new Dictionary<string, string>
        {
            ["CONFORMANCE_DEBIAN_SUITE"] = "trixie",
            ["CONFORMANCE_BASE_IMAGES"] = "Registry",
            ["GITHUB_ACTIONS"] = "true",
            ["DOCKER_HOST"] = "tcp://10.0.0.2:2375",
            ["CONFORMANCE_ADVERTISED_ADDRESS"] = "10.0.0.1",
            ["CONFORMANCE_NO_INSTALL"] = "1",
        };

        var settings = HarnessSettings.FromVariables(variables.GetValueOrDefault);

        settings.DebianSuite.Should().Be("trixie");
        settings.BaseImages.Should().Be(BaseImageSource.Registry);
        settings.OnGitHubActions.Should().BeTrue();
        settings.DockerHost.Should().Be("tcp://10.0.0.2:2375");
        settings.AdvertisedAddress.Should().Be("10.0.0.1");
        settings.MayInstall.Should().BeFalse();
    }

    [Test]
    public void An_unknown_base_image_source_is_an_error_that_names_the_choices()
    {
        var act = () => HarnessSettings.FromVariables(n => n == "CONFORMANCE_BASE_IMAGES" ? "cloud" : null);

        act.Should().Throw<ArgumentException>().WithMessage("*'registry' or 'local'*");
    }

    [Test]
    public void Os_release_of_debian_and_ubuntu_is_debian_family()
    {
        new OsRelease("debian", null, "bookworm").IsDebianFamily.Should().BeTrue();
        new OsRelease("ubuntu", "debian", "noble").IsDebianFamily.Should().BeTrue();
        new OsRelease("fedora", null, null).IsDebianFamily.Should().BeFalse();
    }
}
