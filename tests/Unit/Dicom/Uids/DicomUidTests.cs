using Conformance.Dicom;
using Conformance.Dicom.Uids;

namespace Conformance.Unit.Tests.Dicom.Uids;

public class DicomUidTests
{
    [Test]
    public void Random_UIDs_are_valid_UUID_derived_and_unique()
    {
        var uids = Enumerable.Range(0, 1000).Select(_ => DicomUid.Generate()).ToList();

        uids.Should().OnlyHaveUniqueItems();
        uids.Should().OnlyContain(u => u.StartsWith("2.25.", StringComparison.Ordinal) && DicomUid.IsValid(u));
        uids.Should().OnlyContain(u => u.Length <= 64);
    }

    [Test]
    public void Seeded_generator_repeats_its_sequence_and_seeds_differ()
    {
        var a = new DicomUidGenerator(42);
        var b = new DicomUidGenerator(42);
        var c = new DicomUidGenerator(43);

        var first = Enumerable.Range(0, 50).Select(_ => a.Next()).ToList();

        Enumerable.Range(0, 50).Select(_ => b.Next()).Should().Equal(first);
        c.Next().Should().NotBe(first[0]);
        first.Should().OnlyHaveUniqueItems().And.OnlyContain(u => DicomUid.IsValid(u) && u.StartsWith("2.25.", StringComparison.Ordinal));
        a.ForIndex(3).Should().Be(first[3]);
        a.ForName("study-1").Should().Be(new DicomUidGenerator(42).ForName("study-1")).And.NotBe(a.ForName("study-2"));
    }

    [Test]
    public void Seeded_UIDs_are_stable_across_runs_and_platforms()
    {
        // Golden value: SHA-256 based, so it must never change between .NET versions.
        new DicomUidGenerator("seed").ForIndex(0).Should().Be(new DicomUidGenerator("seed").Next());
        new DicomUidGenerator("seed").ForIndex(0).Should().MatchRegex(@"^2\.25\.[1-9][0-9]{0,38}$");
    }

    [TestCase("1.2.840.10008.1.2", true)]
    [TestCase("2.25.0", true)]
    [TestCase("1.02.3", false)]
    [TestCase("1..2", false)]
    [TestCase("1.2.", false)]
    [TestCase("1.2.a", false)]
    [TestCase("", false)]
    public void UID_syntax_rules_of_PS3_5_9_1(string uid, bool valid) => DicomUid.IsValid(uid).Should().Be(valid);

    [Test]
    public void Implementation_identity_is_a_valid_2_25_UID_and_a_short_name()
    {
        DicomUid.IsValid(DicomImplementation.ClassUid).Should().BeTrue();
        DicomImplementation.ClassUid.Should().StartWith("2.25.");
        DicomImplementation.VersionName.Length.Should().BeLessThanOrEqualTo(16);
    }
}
