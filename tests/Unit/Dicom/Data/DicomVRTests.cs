using Conformance.Dicom.Data;

namespace Conformance.Unit.Tests.Dicom.Data;

public class DicomVRTests
{
    [Test]
    public void All_34_VRs_of_PS3_5_exist_and_parse()
    {
        DicomVR.All.Should().HaveCount(34);
        foreach (var vr in DicomVR.All)
        {
            DicomVR.Parse(vr.Code).Should().Be(vr);
        }

        DicomVR.TryParse("XX", out _).Should().BeFalse();
    }

    [Test]
    public void Long_length_VRs_are_exactly_the_PS3_5_7_1_2_set()
    {
        DicomVR.All.Where(v => v.HasLongExplicitLength).Select(v => v.Code).Should()
            .BeEquivalentTo("OB", "OD", "OF", "OL", "OV", "OW", "SQ", "SV", "UC", "UN", "UR", "UT", "UV");
    }

    [TestCase("US", 2)]
    [TestCase("SS", 2)]
    [TestCase("OW", 2)]
    [TestCase("AT", 2)]
    [TestCase("UL", 4)]
    [TestCase("SL", 4)]
    [TestCase("FL", 4)]
    [TestCase("OF", 4)]
    [TestCase("OL", 4)]
    [TestCase("FD", 8)]
    [TestCase("OD", 8)]
    [TestCase("SV", 8)]
    [TestCase("UV", 8)]
    [TestCase("OV", 8)]
    [TestCase("OB", 1)]
    [TestCase("UN", 1)]
    [TestCase("PN", 1)]
    public void Byte_swap_sizes_follow_PS3_5_7_3(string code, int size) =>
        DicomVR.Parse(code).ByteSwapSize.Should().Be(size);

    [Test]
    public void Padding_is_NUL_for_UI_and_binary_space_for_text()
    {
        DicomVR.UI.PaddingByte.Should().Be(0);
        DicomVR.OB.PaddingByte.Should().Be(0);
        DicomVR.PN.PaddingByte.Should().Be((byte)' ');
        DicomVR.UR.PaddingByte.Should().Be((byte)' ');
        DicomVR.UC.UsesSpecificCharacterSet.Should().BeTrue();
        DicomVR.UR.UsesSpecificCharacterSet.Should().BeFalse();
    }
}
