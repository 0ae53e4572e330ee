using Conformance.Dicom.Data;

namespace Conformance.Unit.Tests.Dicom.Data;

public class DicomTagTests
{
    [TestCase("(0010,0010)")]
    [TestCase("0010,0010")]
    [TestCase("00100010")]
    [TestCase("PatientName")]
    public void Parse_accepts_numeric_forms_and_keywords(string text) =>
        DicomTag.Parse(text).Should().Be(new DicomTag(0x0010, 0x0010));

    [Test]
    public void Keyword_lookup_goes_both_ways()
    {
        DicomTag.FromKeyword("SOPInstanceUID").Should().Be(new DicomTag(0x0008, 0x0018));
        new DicomTag(0x7FE0, 0x0010).Keyword.Should().Be("PixelData");
        new DicomTag(0x6002, 0x3000).Keyword.Should().Be("OverlayData", "repeating group 60xx");
        new DicomTag(0x0009, 0x1001).Keyword.Should().BeNull();
        FluentActions.Invoking(() => DicomTag.FromKeyword("NoSuchKeyword")).Should().Throw<KeyNotFoundException>();
    }

    [Test]
    public void Tags_order_by_group_then_element()
    {
        var tags = new[] { new DicomTag(0x0010, 0x0010), new DicomTag(0x0008, 0xFFFF), new DicomTag(0x0010, 0x0001) };
        tags.Order().Should().Equal(new DicomTag(0x0008, 0xFFFF), new DicomTag(0x0010, 0x0001), new DicomTag(0x0010, 0x0010));
        new DicomTag(0x0008, 0x0018).ToString().Should().Be("(0008,0018)");
    }

    [Test]
    public void Private_tags_know_their_creator_block()
    {
        var creator = new DicomTag(0x0029, 0x0011);
        var data = DicomTag.Private(0x0029, 0x11, 0x05);

        creator.IsPrivateCreator.Should().BeTrue();
        data.Should().Be(new DicomTag(0x0029, 0x1105));
        data.IsPrivateData.Should().BeTrue();
        data.PrivateBlock.Should().Be(0x11);
        data.PrivateCreatorTag.Should().Be(creator);
        new DicomTag(0x0007, 0x0010).IsPrivate.Should().BeFalse("groups 0001-0007 are not private");
        new DicomTag(0x0010, 0x0010).IsPrivate.Should().BeFalse();
        FluentActions.Invoking(() => DicomTag.Private(0x0010, 0x10, 0)).Should().Throw<ArgumentOutOfRangeException>();
    }
}
