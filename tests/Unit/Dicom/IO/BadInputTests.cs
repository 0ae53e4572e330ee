using Conformance.Dicom.Data;
using Conformance.Dicom.IO;

namespace Conformance.Unit.Tests.Dicom.IO;

/// <summary>Every class of bad input gives a <see cref="DicomFormatException"/> naming the tag and the offset.</summary>
public class BadInputTests
{
    private static readonly DicomTransferSyntax Explicit = DicomTransferSyntax.ExplicitVRLittleEndian;
    private static readonly DicomTransferSyntax Implicit = DicomTransferSyntax.ImplicitVRLittleEndian;

    private static DicomFormatException Fails(byte[] data, DicomTransferSyntax syntax) =>
        FluentActions.Invoking(() => DicomDatasetReader.Read(data, syntax)).Should().Throw<DicomFormatException>().Which;

    [Test]
    public void Truncated_value_names_the_element()
    {
        var data = new RawBytes().Explicit(0x0010, 0x0010, "PN", 4, false).Ascii("Do").ToArray();

        var ex = FluentActions.Invoking(() => DicomDatasetReader.Read(new NonSeekableStream(data), Explicit))
            .Should().Throw<DicomFormatException>().Which;

        ex.Tag.Should().Be(DicomTags.PatientName);
        ex.Offset.Should().Be(0);
    }

    [Test]
    public void Truncated_header_names_the_offset()
    {
        var data = new RawBytes().Explicit(0x0010, 0x0010, "PN", 4, false).Ascii("Doe ").Tag(0x0010, 0x0020).Ascii("L").ToArray();

        var ex = Fails(data, Explicit);

        ex.Tag.Should().Be(new DicomTag(0x0010, 0x0020));
        ex.Offset.Should().Be(12);
    }

    [Test]
    public void Length_beyond_the_end_of_input_is_checked_before_allocating()
    {
        var data = new RawBytes().Explicit(0x7FE0, 0x0010, "OW", 0xFFFFFFF0, true).Bytes(1, 2).ToArray();

        var ex = Fails(data, Explicit);

        ex.Tag.Should().Be(DicomTags.PixelData);
        ex.Offset.Should().Be(0);
        ex.Message.Should().Contain("beyond the end of input");
    }

    [Test]
    public void Length_beyond_the_end_of_a_non_seekable_stream_fails_without_allocating_it()
    {
        var data = new RawBytes().Explicit(0x0010, 0x0010, "PN", 2, false).Ascii("A ")
            .Explicit(0x7FE0, 0x0010, "OW", 0xFFFFFFF0, true).Bytes(new byte[5000]).ToArray();
        var before = GC.GetTotalAllocatedBytes(precise: true);

        var ex = FluentActions.Invoking(() => DicomDatasetReader.Read(new NonSeekableStream(data, 4096), Explicit))
            .Should().Throw<DicomFormatException>().Which;

        ex.Tag.Should().Be(DicomTags.PixelData);
        ex.Offset.Should().Be(10);
        (GC.GetTotalAllocatedBytes(precise: true) - before).Should().BeLessThan(64L * 1024 * 1024, "4 GB were declared, 5 KB sent");
    }

    [Test]
    public void Length_beyond_the_enclosing_item_is_rejected()
    {
        var data = new RawBytes()
            .Explicit(0x0008, 0x1140, "SQ", 0xFFFFFFFF, true)
            .Item(10).Explicit(0x0008, 0x1155, "UI", 8, false).Ascii("1.2.3.4\0")
            .SequenceEnd().ToArray();

        var ex = Fails(data, Explicit);

        ex.Tag.Should().Be(DicomTags.ReferencedSOPInstanceUID);
        ex.Offset.Should().Be(20);
        ex.Message.Should().Contain("enclosing item");
    }

    [TestCase("PN", 3)]
    [TestCase("OB", 5)]
    public void Odd_length_is_rejected_in_strict_mode_and_kept_as_read_by_default(string vr, int length)
    {
        var data = new RawBytes().Explicit(0x0009, 0x1000, vr, (uint)length, vr == "OB").Bytes(new byte[length]).ToArray();

        var ex = FluentActions.Invoking(() => DicomDatasetReader.Read(data, Explicit, new DicomReaderOptions { AllowOddLengths = false }))
            .Should().Throw<DicomFormatException>().Which;

        ex.Tag.Should().Be(new DicomTag(0x0009, 0x1000));
        ex.Message.Should().Contain("odd length");
        DicomDatasetReader.Read(data, Explicit)
            .GetValueElement(new DicomTag(0x0009, 0x1000)).Length.Should().Be(length, "read as DCMTK reads it (tests/Unit/Dicom/IO/LenientReadingTests)");
    }

    [TestCase("US", 6 - 3)]
    [TestCase("FD", 12)]
    [TestCase("UL", 6)]
    public void Length_that_is_not_a_multiple_of_the_VR_unit_is_rejected(string vr, int length)
    {
        var data = new RawBytes().Explicit(0x0028, 0x0010, vr, (uint)length, false).Bytes(new byte[length]).ToArray();

        var ex = FluentActions.Invoking(() => DicomDatasetReader.Read(data, Explicit, new DicomReaderOptions { AllowOddLengths = true }))
            .Should().Throw<DicomFormatException>().Which;

        ex.Tag.Should().Be(DicomTags.Rows);
        ex.Message.Should().Contain("multiple");
    }

    [Test]
    public void Nesting_deeper_than_the_limit_is_rejected()
    {
        var raw = new RawBytes();
        for (var i = 0; i < 40; i++)
        {
            raw.Implicit(0x0008, 0x1140, 0xFFFFFFFF).Item(0xFFFFFFFF);
        }

        var ex = Fails(raw.ToArray(), Implicit);

        ex.Tag.Should().Be(DicomTags.ReferencedImageSequence);
        ex.Message.Should().Contain("deeper than 32");
        ex.Offset.Should().Be(32 * 16, "the 33rd sequence starts after 32 sequence+item headers");
    }

    [Test]
    public void Undefined_length_on_a_plain_value_is_rejected_in_both_VR_kinds()
    {
        var implicitData = new RawBytes().Implicit(0x0010, 0x0010, 0xFFFFFFFF).ToArray();
        var explicitData = new RawBytes().Explicit(0x0010, 0x1000, "UT", 0xFFFFFFFF, true).ToArray();

        Fails(implicitData, Implicit).Tag.Should().Be(DicomTags.PatientName);
        Fails(explicitData, Explicit).Tag.Should().Be(new DicomTag(0x0010, 0x1000));
    }

    [Test]
    public void Invalid_VR_bytes_and_stray_items_are_rejected()
    {
        Fails(new RawBytes().Tag(0x0010, 0x0010).Bytes(0x01, 0x02, 0, 0).ToArray(), Explicit).Message.Should().Contain("invalid VR");
        Fails(new RawBytes().Item(0).ToArray(), Explicit).Tag.Should().Be(DicomTags.Item);
        Fails(new RawBytes().Implicit(0x0008, 0x1140, 16).Tag(0x0008, 0x0018).U32(0).U32(0).U32(0).ToArray(), Implicit)
            .Message.Should().Contain("expected an item");
    }

    [Test]
    public void Delimiters_with_a_non_zero_length_are_rejected()
    {
        var seq = new RawBytes().Implicit(0x0008, 0x1140, 0xFFFFFFFF).Item(0).Tag(0xFFFE, 0xE0DD).U32(4).ToArray();
        var item = new RawBytes().Implicit(0x0008, 0x1140, 0xFFFFFFFF).Item(0xFFFFFFFF).Tag(0xFFFE, 0xE00D).U32(2).SequenceEnd().ToArray();

        Fails(seq, Implicit).Offset.Should().Be(16);
        var ex = Fails(item, Implicit);
        ex.Tag.Should().Be(DicomTags.ItemDelimitationItem);
        ex.Offset.Should().Be(16);
    }

    [Test]
    public void Undefined_length_item_without_delimiter_in_a_defined_sequence_is_rejected()
    {
        var data = new RawBytes().Implicit(0x0008, 0x1140, 20).Item(0xFFFFFFFF).Implicit(0x0008, 0x1155, 4).Ascii("1.2\0").ToArray();

        var ex = Fails(data, Implicit);

        ex.Offset.Should().Be(28);
        ex.Message.Should().Contain("without delimiter");
    }

    [Test]
    public void A_file_without_DICM_or_with_corrupt_deflate_data_is_rejected()
    {
        FluentActions.Invoking(() => DicomFile.Read(new byte[200])).Should().Throw<DicomFormatException>().Which.Offset.Should().Be(128);
        FluentActions.Invoking(() => DicomFile.Read(new byte[20])).Should().Throw<DicomFormatException>().Which.Offset.Should().Be(0);
        var deflated = RawBytes.FileHeader(DicomTransferSyntax.DeflatedExplicitVRLittleEndian.Uid).Bytes(0xFF, 0xFF, 0xFF, 0x00, 0x12).ToArray();
        FluentActions.Invoking(() => DicomFile.Read(deflated)).Should().Throw<DicomFormatException>();
    }

    [Test]
    public void Every_truncation_and_seeded_corruption_of_a_valid_file_fails_only_with_DicomFormatException()
    {
        foreach (var syntax in TestData.UncompressedSyntaxes().Where(s => !s.IsDeflated))
        {
            var bytes = TestData.FileBytes(TestData.RichDataset(), syntax);
            for (var cut = 0; cut < bytes.Length; cut++)
            {
                AssertOnlyFormatErrors(bytes.AsMemory(0, cut).ToArray());
            }

            var random = new Random(1234);
            for (var trial = 0; trial < 2000; trial++)
            {
                var copy = (byte[])bytes.Clone();
                copy[random.Next(132, copy.Length)] = (byte)random.Next(256);
                AssertOnlyFormatErrors(copy);
            }
        }
    }

    private static void AssertOnlyFormatErrors(byte[] data)
    {
        try
        {
            DicomFile.Read(data);
            DicomFile.Read(new NonSeekableStream(data, 13));
        }
        catch (DicomFormatException)
        {
        }
    }
}
