using System.Net;
using System.Text;
using Conformance.Dicom.Network.Pdus;
using Conformance.Dicom.Network.Security;

namespace Conformance.Unit.Tests.Dicom.Network.Security;

/// <summary>The access-control values: address ranges, AE allow-list entries, user credentials.</summary>
public class SecurityValuesTests
{
    [TestCase("10.0.0.0/8", "10.200.3.4", true)]
    [TestCase("10.0.0.0/8", "11.0.0.1", false)]
    [TestCase("192.168.1.7", "192.168.1.7", true)]
    [TestCase("192.168.1.7", "192.168.1.8", false)]
    [TestCase("10.1.2.3/8", "10.9.9.9", true)]
    [TestCase("127.0.0.0/8", "::ffff:127.0.0.1", true)]
    [TestCase("::1/128", "::1", true)]
    [TestCase("::1/128", "127.0.0.1", false)]
    [TestCase("0.0.0.0/0", "203.0.113.9", true)]
    [TestCase("fd00::/8", "fd12:3456::1", true)]
    public void An_address_range_contains_what_CIDR_says(string range, string address, bool inside)
    {
        AddressRange.Parse(range).Contains(IPAddress.Parse(address)).Should().Be(inside);
    }

    [TestCase("10.0.0.0/33")]
    [TestCase("10.0.0.0/-1")]
    [TestCase("10.0.0/8")]
    [TestCase("host.example")]
    [TestCase("12")]
    [TestCase("::1/129")]
    public void A_malformed_range_is_a_format_error(string text)
    {
        var parse = () => AddressRange.Parse(text);

        parse.Should().Throw<FormatException>().WithMessage($"*{text}*");
    }

    [Test]
    public void An_AE_rule_binds_a_title_to_its_source_addresses()
    {
        var rule = AeAccessRule.Parse("MODALITY@10.0.0.0/8");

        rule.Should().Be(new AeAccessRule("MODALITY", AddressRange.Parse("10.0.0.0/8")));
        rule.Allows("MODALITY", IPAddress.Parse("10.1.1.1")).Should().BeTrue();
        rule.Allows("MODALITY", IPAddress.Parse("192.168.0.1")).Should().BeFalse("the title is right, the address is not");
        rule.Allows("OTHER", IPAddress.Parse("10.1.1.1")).Should().BeFalse();
        rule.Allows("MODALITY", null).Should().BeFalse("an unknown address is never inside a range");
        AeAccessRule.Parse("ANYWHERE").Allows("ANYWHERE", IPAddress.Parse("198.51.100.1")).Should().BeTrue();
    }

    [Test]
    public void An_AE_title_may_contain_an_at_sign_only_a_final_address_starts_a_range()
    {
        AeAccessRule.Parse("A@B").Should().Be(new AeAccessRule("A@B"));
        AeAccessRule.Parse("A@B@127.0.0.1").Should().Be(new AeAccessRule("A@B", AddressRange.Parse("127.0.0.1/32")));
    }

    [TestCase("")]
    [TestCase("    ")]
    [TestCase("SEVENTEEN-CHARSXX")]
    [TestCase("BACK\\SLASH")]
    [TestCase("CTRL\u0001")]
    [TestCase("AE@10.0.0.0/40")]
    public void A_bad_AE_rule_is_a_format_error(string text)
    {
        var parse = () => AeAccessRule.Parse(text);

        parse.Should().Throw<FormatException>();
    }

    [Test]
    public void Credentials_check_names_and_passcodes_and_say_why_without_the_passcode()
    {
        var credentials = UserCredentials.Parse(["alice:s3cret:with:colons", "bob"]);

        Refusal(credentials, UserIdentityType.UsernameAndPasscode, "alice", "s3cret:with:colons").Should().BeNull();
        Refusal(credentials, UserIdentityType.UsernameAndPasscode, "alice", "guess").Should().Be("wrong passcode for user 'alice'");
        Refusal(credentials, UserIdentityType.Username, "alice", "").Should().Be("user 'alice' must present a passcode");
        Refusal(credentials, UserIdentityType.Username, "bob", "").Should().BeNull("bob is configured without a passcode");
        Refusal(credentials, UserIdentityType.UsernameAndPasscode, "bob", "anything").Should().BeNull();
        Refusal(credentials, UserIdentityType.UsernameAndPasscode, "mallory", "s3cret:with:colons").Should().Be("user 'mallory' is not known");
        Refusal(credentials, UserIdentityType.SamlAssertion, "alice", "").Should().Contain("not accepted");
        credentials.Users.Should().BeEquivalentTo("alice", "bob");
    }

    [TestCase(":nameless", "ok")]
    [TestCase("twice:a", "twice:b")]
    public void Bad_credentials_are_a_format_error(string first, string second)
    {
        var parse = () => UserCredentials.Parse([first, second]);

        parse.Should().Throw<FormatException>();
    }

    private static string? Refusal(UserCredentials credentials, UserIdentityType type, string user, string passcode) =>
        credentials.Refusal(type, Encoding.UTF8.GetBytes(user), Encoding.UTF8.GetBytes(passcode));
}
