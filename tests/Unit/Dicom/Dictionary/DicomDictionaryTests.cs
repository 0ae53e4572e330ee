using Conformance.Dicom.Data;
using Conformance.Dicom.Dictionary;

namespace Conformance.Unit.Tests.Dicom.Dictionary;

public class DicomDictionaryTests
{
    [Test]
    public void Entries_give_VR_VM_and_keyword()
    {
        DicomDictionary.TryGetEntry(DicomTags.PatientName, out var e).Should().BeTrue();
        e!.VR.Should().Be(DicomVR.PN);
        e.ValueMultiplicity.Should().Be("1");
        e.Keyword.Should().Be("PatientName");
        DicomDictionary.TryGetEntry(DicomTags.ImageType, out var it).Should().BeTrue();
        it!.ValueMultiplicity.Should().Be("2-n");
        DicomDictionary.Entries.Count.Should().BeGreaterThan(4000);
    }

    [Test]
    public void Repeating_groups_and_ranges_are_covered_with_their_parity()
    {
        DicomDictionary.TryGetEntry(new DicomTag(0x601E, 0x3000), out var overlay).Should().BeTrue();
        overlay!.Keyword.Should().Be("OverlayData");
        overlay.ValueRepresentations.Should().Equal(DicomVR.OW, DicomVR.OB);
        DicomDictionary.TryGetEntry(new DicomTag(0x6001, 0x3000), out _).Should().BeFalse("60xx covers even groups only; 6001 is private");
        DicomDictionary.TryGetEntry(new DicomTag(0x0020, 0x3150), out var range).Should().BeTrue();
        range!.Keyword.Should().Be("SourceImageIDs");
        range.IsRetired.Should().BeTrue();
        DicomDictionary.TryGetEntry(new DicomTag(0x5002, 0x0005), out var curve).Should().BeTrue();
        curve!.Keyword.Should().Be("CurveDimensions");
    }

    [Test]
    public void Private_creators_group_lengths_and_multi_VR_entries_are_answered()
    {
        DicomDictionary.GetDefaultVR(new DicomTag(0x0029, 0x0010)).Should().Be(DicomVR.LO);
        DicomDictionary.GetDefaultVR(new DicomTag(0x0028, 0x0000)).Should().Be(DicomVR.UL);
        DicomDictionary.GetDefaultVR(new DicomTag(0x0029, 0x1010)).Should().Be(DicomVR.UN);
        DicomDictionary.TryGetEntry(DicomTags.SmallestImagePixelValue, out var xs).Should().BeTrue();
        xs!.ValueRepresentations.Should().Equal(DicomVR.US, DicomVR.SS);
        DicomDictionary.TryGetEntry(DicomTags.PixelData, out var px).Should().BeTrue();
        px!.ValueRepresentations.Should().Equal(DicomVR.OW, DicomVR.OB);
        DicomDictionary.TryGetEntry(DicomTags.Item, out var item).Should().BeTrue();
        item!.ValueRepresentations.Should().BeEmpty();
    }

    [Test]
    public void Keywords_resolve_to_tags_and_prefer_current_over_retired()
    {
        DicomDictionary.TryGetTag("TransferSyntaxUID", out var ts).Should().BeTrue();
        ts.Should().Be(new DicomTag(0x0002, 0x0010));
        DicomDictionary.TryGetTag("NoSuchThing", out _).Should().BeFalse();
        DicomDictionary.Entries.Where(e => !e.IsRange).GroupBy(e => e.Tag).Should().OnlyContain(g => g.Count() == 1, "one entry per tag");
    }
}
