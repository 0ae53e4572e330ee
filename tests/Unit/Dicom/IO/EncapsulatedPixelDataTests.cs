using Conformance.Dicom.Data;
using Conformance.Dicom.IO;

namespace Conformance.Unit.Tests.Dicom.IO;

public class EncapsulatedPixelDataTests
{
    private static byte[] Encapsulated(bool withOffsets) =>
        RawBytes.FileHeader(DicomTransferSyntax.JPEGBaseline8Bit.Uid)
            .Explicit(0x0028, 0x0008, "IS", 2, false).Ascii("2 ")
            .Explicit(0x7FE0, 0x0010, "OB", 0xFFFFFFFF, true)
            .Item(withOffsets ? 8u : 0u).Bytes(withOffsets ? new byte[] { 0, 0, 0, 0, 14, 0, 0, 0 } : [])
            .Item(6).Bytes(0xFF, 0xD8, 1, 2, 0xFF, 0xD9)
            .Item(4).Bytes(0xFF, 0xD8, 0xFF, 0xD9)
            .SequenceEnd()
            .ToArray();

    [TestCase(true)]
    [TestCase(false)]
    public void Fragments_and_offset_table_are_read_and_written_back_identically(bool withOffsets)
    {
        var bytes = Encapsulated(withOffsets);

        var file = DicomFile.Read(bytes);
        var px = file.Dataset[DicomTags.PixelData].Should().BeOfType<DicomFragmentSequence>().Subject;
        var again = new MemoryStream();
        file.Write(again);

        file.TransferSyntax.IsEncapsulated.Should().BeTrue();
        px.Fragments.Should().HaveCount(2);
        px.Fragments[1].GetMemory().ToArray().Should().Equal(0xFF, 0xD8, 0xFF, 0xD9);
        px.GetOffsets().Should().Equal(withOffsets ? [0u, 14u] : []);
        again.ToArray().Should().Equal(bytes);
    }

    [Test]
    public void Compressed_syntaxes_cannot_be_transcoded_to_native_ones()
    {
        var file = DicomFile.Read(Encapsulated(true));

        FluentActions.Invoking(() => file.ChangeTransferSyntax(DicomTransferSyntax.ExplicitVRLittleEndian))
            .Should().Throw<DicomDataException>();
    }

    [Test]
    public void A_fragment_with_undefined_length_is_rejected_with_tag_and_offset()
    {
        var header = RawBytes.FileHeader(DicomTransferSyntax.RLELossless.Uid);
        var fragmentOffset = header.Position + 12 + 8;
        var bytes = header.Explicit(0x7FE0, 0x0010, "OB", 0xFFFFFFFF, true).Item(0).Item(0xFFFFFFFF).ToArray();

        var ex = FluentActions.Invoking(() => DicomFile.Read(bytes)).Should().Throw<DicomFormatException>().Which;
        ex.Tag.Should().Be(DicomTags.PixelData);
        ex.Offset.Should().Be(fragmentOffset);
    }
}
