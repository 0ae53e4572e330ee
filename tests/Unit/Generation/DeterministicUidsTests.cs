using Conformance.Generation;
using Conformance.Dicom.Uids;

namespace Conformance.Unit.Tests.Generation;

public class DeterministicUidsTests
{
    [Test]
    public void Same_seed_and_place_give_the_same_uid()
    {
        DeterministicUids.Derive(7, "study", 1, 2).Should().Be(DeterministicUids.Derive(7, "study", 1, 2));
    }

    [Test]
    public void Seed_role_and_place_each_change_the_uid()
    {
        var uids = new[]
        {
            DeterministicUids.Derive(7, "study", 1, 2),
            DeterministicUids.Derive(8, "study", 1, 2),
            DeterministicUids.Derive(7, "series", 1, 2),
            DeterministicUids.Derive(7, "study", 2, 1),
            DeterministicUids.Derive(7, "study", 1, 2, 0),
        };

        uids.Should().OnlyHaveUniqueItems();
    }

    [Test]
    public void Ten_thousand_derived_uids_are_unique_and_valid_under_2_25()
    {
        var uids = Enumerable.Range(0, 10_000).Select(i => DeterministicUids.Derive(42, "instance", i / 100, i % 100)).ToList();

        uids.Should().OnlyHaveUniqueItems();
        uids.Should().AllSatisfy(uid =>
        {
            uid.Should().StartWith("2.25.");
            uid.Length.Should().BeLessThanOrEqualTo(64);
            uid.Should().MatchRegex(@"^2\.25\.[1-9][0-9]*$");
            DicomUid.IsValid(uid).Should().BeTrue();
        });
    }
}
