using Conformance.Dicom.Data;

namespace Conformance.Unit.Tests.Dicom.Data;

public class DicomDatasetTests
{
    [Test]
    public void Elements_are_kept_in_tag_order_whatever_the_insertion_order()
    {
        var ds = new DicomDataset();
        ds.SetString(DicomTags.PatientName, "B");
        ds.SetUid(DicomTags.SOPInstanceUID, "1.2");
        ds.SetUInt16(DicomTags.Rows, 5);
        ds.SetString(DicomTags.PatientID, "X");

        ds.Select(e => e.Tag).Should().BeInAscendingOrder();
        ds.Count.Should().Be(4);
        ds.Remove(DicomTags.PatientID).Should().BeTrue();
        ds.Contains(DicomTags.PatientID).Should().BeFalse();
        FluentActions.Invoking(() => ds.Add(DicomValueEncoder.FromUInt16(DicomTags.Rows, DicomVR.US, 1))).Should().Throw<ArgumentException>();
    }

    [Test]
    public void Typed_getters_and_setters_round_trip()
    {
        var ds = new DicomDataset();
        ds.SetUInt16(DicomTags.Rows, 512);
        ds.SetInteger(DicomTags.InstanceNumber, -3);              // IS
        ds.SetInteger(DicomTags.ReferencedFrameNumber, 9);         // IS, multi-valued dictionary entry
        ds.SetUInt32(DicomTags.SimpleFrameList, 1, 2, 3);
        ds.SetDouble(DicomTags.DiffusionBValue, 1000.5);
        ds.SetStrings(DicomTags.PixelSpacing, Conformance.Dicom.Data.DicomVR.DS, "0.5", "0.25");
        ds.SetUid(DicomTags.StudyInstanceUID, "1.2.3");
        ds.AddOrUpdate(DicomValueEncoder.FromAttributeTags(DicomTags.FrameIncrementPointer, DicomTags.FrameTime));

        ds.GetUInt16(DicomTags.Rows).Should().Be(512);
        ds.GetInt32(DicomTags.InstanceNumber).Should().Be(-3);
        ds.GetString(DicomTags.InstanceNumber).Should().Be("-3");
        ds.GetUInt32(DicomTags.SimpleFrameList, 2).Should().Be(3);
        ds.GetValueElement(DicomTags.SimpleFrameList).GetValueCount().Should().Be(3);
        ds.GetDouble(DicomTags.DiffusionBValue).Should().Be(1000.5);
        ds.GetDouble(DicomTags.PixelSpacing, 1).Should().Be(0.25);
        ds.GetUid(DicomTags.StudyInstanceUID).Should().Be("1.2.3");
        ds.GetValueElement(DicomTags.StudyInstanceUID).Length.Should().Be(6, "padded with NUL");
        ds.GetAttributeTag(DicomTags.FrameIncrementPointer).Should().Be(DicomTags.FrameTime);
        ds.TryGetString(DicomTags.PatientName, out _).Should().BeFalse();
        ds.GetStringOrDefault(DicomTags.PatientName, "none").Should().Be("none");
        FluentActions.Invoking(() => ds.GetString(DicomTags.PatientName)).Should().Throw<DicomDataException>();
        FluentActions.Invoking(() => ds.GetUInt16(DicomTags.StudyInstanceUID)).Should().Throw<DicomDataException>();
        FluentActions.Invoking(() => ds.GetUInt32(DicomTags.SimpleFrameList, 3)).Should().Throw<DicomDataException>();
        FluentActions.Invoking(() => ds.SetString(new DicomTag(0x0009, 0x1001), "x")).Should().Throw<DicomDataException>("private data needs a VR");
    }

    [TestCase("", "Caf\u00e9", new byte[] { 0x43, 0x61, 0x66, 0xE9 })]
    [TestCase("ISO_IR 100", "Caf\u00e9", new byte[] { 0x43, 0x61, 0x66, 0xE9 })]
    [TestCase("ISO_IR 192", "Caf\u00e9", new byte[] { 0x43, 0x61, 0x66, 0xC3, 0xA9 })]
    [TestCase("ISO_IR 192", "\u5c71\u7530", new byte[] { 0xE5, 0xB1, 0xB1, 0xE7, 0x94, 0xB0 })]
    public void Strings_are_decoded_with_the_specific_character_set(string charset, string text, byte[] encoded)
    {
        var ds = new DicomDataset();
        if (charset.Length > 0)
        {
            ds.SetString(DicomTags.SpecificCharacterSet, charset);
        }

        ds.SetString(DicomTags.PatientName, text);
        var raw = ds.GetValueElement(DicomTags.PatientName).Value.GetMemory().ToArray();

        raw.AsSpan(0, encoded.Length).ToArray().Should().Equal(encoded);
        (raw.Length % 2).Should().Be(0);
        ds.GetString(DicomTags.PatientName).Should().Be(text);
    }

    [Test]
    public void Character_set_terms_are_recognised()
    {
        DicomCharacterSet.FromTerms(null).Should().BeSameAs(DicomCharacterSet.Default);
        DicomCharacterSet.FromTerms("ISO_IR 100").Should().BeSameAs(DicomCharacterSet.Latin1);
        DicomCharacterSet.FromTerms("ISO_IR 192").Should().BeSameAs(DicomCharacterSet.Utf8);
        DicomCharacterSet.FromTerms("\\ISO 2022 IR 100").IsSupported.Should().BeTrue();
        DicomCharacterSet.FromTerms("ISO 2022 IR 87").IsSupported.Should().BeTrue();
        DicomCharacterSet.FromTerms("ISO 2022 IR 13\\ISO 2022 IR 87").IsSupported.Should().BeFalse();
        DicomCharacterSet.FromTerms("ISO_IR 999").IsSupported.Should().BeFalse();
    }

    [TestCase("ISO_IR 144", "\u041b\u044e\u043a\u0441\u0435\u043c\u0431\u043e\u0443\u0440\u0433", new byte[] { 0xBB, 0xEE, 0xDA, 0xE1, 0xD5, 0xDC, 0xD1, 0xDE, 0xE3, 0xE0, 0xD3 })]
    [TestCase("ISO_IR 126", "\u0394\u03b9\u03bf\u03bd\u03c5\u03c3\u03b9\u03bf\u03c2", new byte[] { 0xC4, 0xE9, 0xEF, 0xED, 0xF5, 0xF3, 0xE9, 0xEF, 0xF2 })]
    [TestCase("ISO_IR 148", "\u015ei\u015fli", new byte[] { 0xDE, 0x69, 0xFE, 0x6C, 0x69 })]
    [TestCase("GB18030", "\u738b\u5c0f\u4e1c", new byte[] { 0xCD, 0xF5, 0xD0, 0xA1, 0xB6, 0xAB })]
    public void Other_character_sets_decode_known_bytes(string term, string text, byte[] encoded)
    {
        var ds = new DicomDataset();
        ds.SetString(DicomTags.SpecificCharacterSet, term);
        ds.AddOrUpdate(new DicomValueElement(DicomTags.PatientName, DicomVR.PN, encoded.Length % 2 == 0 ? encoded : [.. encoded, 0x20]));

        ds.GetString(DicomTags.PatientName).Should().Be(text);
    }

    [Test]
    public void ISO_2022_escape_sequences_are_removed_when_decoding()
    {
        // Korean (PS3.5 annex I style): ESC $ ) C designates KS X 1001 into G1 before the Hangul bytes.
        var korean = new byte[] { 0x48, 0x6F, 0x6E, 0x67, 0x5E, 0x47, 0x69, 0x6C, 0x64, 0x6F, 0x6E, 0x67, 0x3D,
            0x1B, 0x24, 0x29, 0x43, 0xC8, 0xAB, 0x5E, 0xB1, 0xE6, 0xB5, 0xBF };
        var latin = new byte[] { 0x1B, 0x2D, 0x41, 0x4D, 0xFC, 0x6C, 0x6C, 0x65, 0x72 };

        DicomCharacterSet.FromTerms("\\ISO 2022 IR 149").Decode(korean).Should().Be("Hong^Gildong=\ud64d^\uae38\ub3d9");
        DicomCharacterSet.FromTerms("ISO 2022 IR 100").Decode(latin).Should().Be("M\u00fcller");

        // Japanese (PS3.5 H.3.1 style): JIS X 0208 between ESC $ B and ESC ( B.
        var japanese = new byte[] { 0x59, 0x61, 0x6D, 0x61, 0x64, 0x61, 0x5E, 0x54, 0x61, 0x72, 0x6F, 0x75, 0x3D,
            0x1B, 0x24, 0x42, 0x3B, 0x33, 0x45, 0x44, 0x1B, 0x28, 0x42, 0x5E, 0x1B, 0x24, 0x42, 0x42, 0x40, 0x4F, 0x3A, 0x1B, 0x28, 0x42 };
        DicomCharacterSet.FromTerms("\\ISO 2022 IR 87").Decode(japanese).Should().Be("Yamada^Tarou=\u5c71\u7530^\u592a\u90ce");
    }

    [Test]
    public void Default_repertoire_VRs_ignore_the_character_set()
    {
        var ds = new DicomDataset();
        ds.SetString(DicomTags.SpecificCharacterSet, "ISO_IR 192");
        ds.AddOrUpdate(new DicomValueElement(DicomTags.Modality, DicomVR.CS, new byte[] { 0x43, 0xE9 }));

        ds.GetString(DicomTags.Modality).Should().Be("C\u00e9", "CS is decoded byte by byte, never as UTF-8");
    }

    [Test]
    public void Clone_copies_sequences_and_is_independent()
    {
        var item = new DicomDataset();
        item.SetUid(DicomTags.ReferencedSOPInstanceUID, "1.2");
        var ds = new DicomDataset();
        ds.SetSequence(DicomTags.ReferencedImageSequence, item);

        var copy = ds.Clone();
        copy.GetSequence(DicomTags.ReferencedImageSequence).Items[0].SetUid(DicomTags.ReferencedSOPInstanceUID, "9.9");

        ds.GetSequence(DicomTags.ReferencedImageSequence).Items[0].GetUid(DicomTags.ReferencedSOPInstanceUID).Should().Be("1.2");
    }

    [Test]
    public void Change_tracking_sees_changes_deep_in_the_tree()
    {
        var inner = new DicomDataset();
        var item = new DicomDataset();
        item.SetSequence(DicomTags.ReferencedImageSequence, inner);
        var ds = new DicomDataset();
        var seq = ds.SetSequence(DicomTags.SourceImageSequence, item);

        var s0 = ds.DeepStamp();
        inner.SetString(DicomTags.PatientID, "1");
        var s1 = ds.DeepStamp();
        seq.Items.RemoveAt(0);
        var s2 = ds.DeepStamp();
        seq.UndefinedLength = true;
        var s3 = ds.DeepStamp();

        s1.Should().BeGreaterThan(s0);
        s2.Should().BeGreaterThan(s1);
        s3.Should().BeGreaterThan(s2);
    }
}
