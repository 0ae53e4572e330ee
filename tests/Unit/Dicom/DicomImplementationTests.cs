using Conformance.Dicom;

namespace Conformance.Unit.Tests.Dicom;

public class DicomImplementationTests
{
    [Test]
    public void Class_uid_is_a_valid_uuid_derived_uid()
    {
        var uid = DicomImplementation.ClassUid;
        uid.Should().StartWith("2.25.");
        uid.Length.Should().BeLessThanOrEqualTo(64);
        uid.Should().MatchRegex(@"^2\.25\.[1-9][0-9]*$");
    }

    [Test]
    public void Version_name_fits_the_sixteen_character_limit()
    {
        DicomImplementation.VersionName.Length.Should().BeInRange(1, 16);
    }
}
