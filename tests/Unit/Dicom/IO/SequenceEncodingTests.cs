using Conformance.Dicom.Data;
using Conformance.Dicom.IO;

namespace Conformance.Unit.Tests.Dicom.IO;

public class SequenceEncodingTests
{
    private static readonly DicomTag Seq = DicomTags.ReferencedImageSequence;   // (0008,1140)
    private static readonly DicomTag Uid = DicomTags.ReferencedSOPInstanceUID;  // (0008,1155)

    [Test]
    public void Defined_lengths_are_computed_and_match_golden_bytes()
    {
        var item = new DicomDataset();
        item.SetUid(Uid, "1.2");
        var ds = new DicomDataset();
        ds.SetSequence(Seq, item);

        var bytes = DicomDatasetWriter.ToArray(ds, DicomTransferSyntax.ExplicitVRLittleEndian);

        var expected = new RawBytes()
            .Explicit(0x0008, 0x1140, "SQ", 20, longLength: true)
            .Item(12)
            .Explicit(0x0008, 0x1155, "UI", 4, longLength: false).Ascii("1.2\0")
            .ToArray();
        bytes.Should().Equal(expected);
    }

    [Test]
    public void Undefined_lengths_use_delimiters_and_are_kept_when_read()
    {
        var raw = new RawBytes()
            .Implicit(0x0008, 0x1140, 0xFFFFFFFF)
            .Item(0xFFFFFFFF).Implicit(0x0008, 0x1155, 4).Ascii("1.2\0").ItemEnd()
            .Item(12).Implicit(0x0008, 0x1155, 4).Ascii("1.3\0")
            .Item(0)
            .SequenceEnd()
            .ToArray();

        var ds = DicomDatasetReader.Read(raw, DicomTransferSyntax.ImplicitVRLittleEndian);

        var seq = ds.GetSequence(Seq);
        seq.UndefinedLength.Should().BeTrue();
        seq.Items.Select(i => i.UndefinedItemLength).Should().Equal(true, false, false);
        seq.Items[0].GetUid(Uid).Should().Be("1.2");
        seq.Items[1].GetUid(Uid).Should().Be("1.3");
        seq.Items[2].Count.Should().Be(0, "empty item");
        DicomDatasetWriter.ToArray(ds, DicomTransferSyntax.ImplicitVRLittleEndian).Should().Equal(raw);
    }

    [TestCaseSource(typeof(TestData), nameof(TestData.UncompressedSyntaxes))]
    public void Nested_and_empty_sequences_of_both_kinds_round_trip(DicomTransferSyntax syntax)
    {
        var ds = Nested(depth: 5);
        ds.SetSequence(DicomTags.SourceImageSequence);            // empty, defined
        ds.SetSequence(DicomTags.DerivationCodeSequence).UndefinedLength = true; // empty, undefined

        var bytes = DicomDatasetWriter.ToArray(ds, syntax);
        var back = DicomDatasetReader.Read(bytes, syntax);

        DicomDatasetWriter.ToArray(back, syntax).Should().Equal(bytes);
        back.GetSequence(DicomTags.SourceImageSequence).Items.Should().BeEmpty();
        back.GetSequence(DicomTags.DerivationCodeSequence).UndefinedLength.Should().BeTrue();
        var level = back;
        for (var d = 0; d < 5; d++)
        {
            var s = level.GetSequence(Seq);
            s.UndefinedLength.Should().Be(d % 2 == 0);
            s.Items[0].UndefinedItemLength.Should().Be(d % 2 == 1);
            s.Items[0].GetUid(Uid).Should().Be($"1.{d}");
            level = s.Items[0];
        }
    }

    [Test]
    public void Items_inherit_the_specific_character_set()
    {
        var item = new DicomDataset();
        item.SetString(DicomTags.PatientName, "x");
        var ds = new DicomDataset();
        ds.SetString(DicomTags.SpecificCharacterSet, "ISO_IR 192");
        var inner = new DicomDataset();
        inner.AddOrUpdate(new DicomValueElement(DicomTags.PatientName, DicomVR.PN, "Jos\u00e9 "u8.ToArray()));
        ds.SetSequence(DicomTags.OtherPatientIDsSequence, inner);

        var back = DicomDatasetReader.Read(DicomDatasetWriter.ToArray(ds, DicomTransferSyntax.ExplicitVRLittleEndian), DicomTransferSyntax.ExplicitVRLittleEndian);

        back.GetSequence(DicomTags.OtherPatientIDsSequence).Items[0].GetString(DicomTags.PatientName).Should().Be("Jos\u00e9");
    }

    [Test]
    public void Unknown_tag_with_undefined_length_in_implicit_VR_is_a_UN_sequence_written_back_per_PS3_5_6_2_2()
    {
        var raw = new RawBytes()
            .Implicit(0x0009, 0x0010, 4).Ascii("ACME")
            .Implicit(0x0009, 0x1010, 0xFFFFFFFF)
            .Item(0xFFFFFFFF).Implicit(0x0009, 0x0010, 4).Ascii("ACME").ItemEnd()
            .SequenceEnd()
            .ToArray();

        var ds = DicomDatasetReader.Read(raw, DicomTransferSyntax.ImplicitVRLittleEndian);
        var seq = ds.GetSequence(new DicomTag(0x0009, 0x1010));
        var explicitBytes = DicomDatasetWriter.ToArray(ds, DicomTransferSyntax.ExplicitVRBigEndian);
        var back = DicomDatasetReader.Read(explicitBytes, DicomTransferSyntax.ExplicitVRBigEndian);

        seq.VR.Should().Be(DicomVR.UN);
        DicomDatasetWriter.ToArray(ds, DicomTransferSyntax.ImplicitVRLittleEndian).Should().Equal(raw);
        back.GetSequence(new DicomTag(0x0009, 0x1010)).Items[0].GetString(new DicomTag(0x0009, 0x0010)).Should().Be("ACME");
        DicomDatasetWriter.ToArray(back, DicomTransferSyntax.ImplicitVRLittleEndian).Should().Equal(raw);
    }

    private static DicomDataset Nested(int depth)
    {
        var root = new DicomDataset();
        var level = root;
        for (var d = 0; d < depth; d++)
        {
            var item = new DicomDataset { UndefinedItemLength = d % 2 == 1 };
            item.SetUid(Uid, $"1.{d}");
            level.SetSequence(Seq, item).UndefinedLength = d % 2 == 0;
            level = item;
        }

        return root;
    }
}
