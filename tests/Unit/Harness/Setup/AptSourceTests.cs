using Conformance.Harness.Setup;

namespace Conformance.Unit.Tests.Harness.Setup;

public sealed class AptSourceTests
{
    private const string Deb822 = """
        Types: deb
        # a comment
        URIs: http://mirror.example/debian
        Suites: bookworm bookworm-updates
        Components: main
        Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg

        Types: deb
        URIs: http://mirror.example/debian-security
        Suites: bookworm-security
        Components: main
        Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg
        """;

    [Test]
    public void Deb822_source_for_the_suite_is_found_with_its_keyring()
    {
        var source = AptSource.ParseDeb822(Deb822, "bookworm");

        source.Should().Be(new AptSource("http://mirror.example/debian", "/usr/share/keyrings/debian-archive-keyring.gpg"));
    }

    [Test]
    public void Deb822_security_suite_is_not_taken_for_the_release()
    {
        AptSource.ParseDeb822(Deb822, "bookworm-security")!.MirrorUri.Should().Be("http://mirror.example/debian-security");
        AptSource.ParseDeb822(Deb822, "trixie").Should().BeNull();
    }

    [Test]
    public void Disabled_deb822_stanza_is_ignored()
    {
        var text = "Enabled: no\n" + Deb822;

        AptSource.ParseDeb822(text, "bookworm").Should().BeNull();
    }

    [Test]
    public void One_line_source_with_signed_by_option_is_parsed()
    {
        const string text = "# comment\ndeb-src http://other.example/debian bookworm main\ndeb [arch=amd64 signed-by=/k.gpg] http://mirror.example/debian bookworm main contrib\n";

        AptSource.ParseOneLine(text, "bookworm").Should().Be(new AptSource("http://mirror.example/debian", "/k.gpg"));
    }

    [Test]
    public void Sources_are_read_from_a_machine_root_deb822_first()
    {
        var root = Directory.CreateTempSubdirectory("apt-root-").FullName;
        try
        {
            Directory.CreateDirectory(Path.Combine(root, "etc/apt/sources.list.d"));
            File.WriteAllText(Path.Combine(root, "etc/apt/sources.list"), "deb http://list.example/debian bookworm main\n");
            File.WriteAllText(Path.Combine(root, "etc/apt/sources.list.d/debian.sources"), Deb822);

            AptSource.FindFor("bookworm", root)!.MirrorUri.Should().Be("http://mirror.example/debian");
            File.Delete(Path.Combine(root, "etc/apt/sources.list.d/debian.sources"));
            AptSource.FindFor("bookworm", root)!.MirrorUri.Should().Be("http://list.example/debian");
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    [Test]
    public void Trixie_source_uses_the_machine_mirror_and_keyring_and_a_low_pin()
    {
        var (source, pin) = DockerEngineInstaller.TrixieFiles(new AptSource("http://mirror.example/debian", "/k.gpg"));

        source.Should().Contain("URIs: http://mirror.example/debian\n").And.Contain("Suites: trixie\n").And.Contain("Signed-By: /k.gpg\n");
        pin.Should().Contain("Pin: release n=trixie\n").And.Contain("Pin-Priority: 100\n");
    }
}
