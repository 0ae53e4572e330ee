using Conformance.Dicom.Data;
using Conformance.Dicom.IO;

namespace Conformance.Unit.Tests.Dicom.IO;

/// <summary>
/// What DCMTK and pydicom read we read too, with a warning (DicomFile.ReadWarnings), and write back conformant: a data
/// set without file meta (syntax detected), file meta without Transfer Syntax UID or group length, odd lengths,
/// encapsulated pixel data declared OW.
/// </summary>
public class LenientReadingTests
{
    private static readonly byte[] Sop = "1.2.840.10008.5.1.4.1.1.7\0"u8.ToArray();

    [TestCase(false, true, "1.2.840.10008.1.2.1")]
    [TestCase(true, true, "1.2.840.10008.1.2.2")]
    [TestCase(false, false, "1.2.840.10008.1.2")]
    public void A_data_set_without_file_meta_is_read_in_its_detected_syntax_and_written_back_as_a_PS3_10_file(bool bigEndian, bool explicitVr, string syntax)
    {
        var raw = new RawBytes(bigEndian);
        var data = (explicitVr ? raw.Explicit(0x0008, 0x0016, "UI", 26, false) : raw.Implicit(0x0008, 0x0016, 26)).Bytes(Sop);
        data = explicitVr ? data.Explicit(0x0008, 0x0018, "UI", 6, false).Ascii("1.2.3\0") : data.Implicit(0x0008, 0x0018, 6).Ascii("1.2.3\0");

        var file = DicomFile.Read(data.ToArray());

        file.TransferSyntax.Uid.Should().Be(syntax);
        file.ReadWarnings.Should().ContainSingle().Which.Should().Contain("no file meta information");
        file.Dataset.GetUid(DicomTags.SOPInstanceUID).Should().Be("1.2.3");
        var written = DicomFile.Read(ToBytes(file));
        written.ReadWarnings.Should().BeEmpty("what we write is a conformant PS3.10 file");
        written.FileMetaInformation.GetUid(DicomTags.MediaStorageSOPInstanceUID).Should().Be("1.2.3");
        written.Dataset.GetUid(DicomTags.SOPClassUID).Should().Be("1.2.840.10008.5.1.4.1.1.7");
    }

    [Test]
    public void File_meta_without_Transfer_Syntax_UID_gets_the_detected_one()
    {
        var bytes = RawBytes.FileHeader("1.2.840.10008.1.2.1").ToArray();
        var withoutSyntax = WithoutTransferSyntax(bytes);
        var data = withoutSyntax.Concat(new RawBytes().Implicit(0x0008, 0x0018, 6).Ascii("1.2.3\0").ToArray()).ToArray();

        var file = DicomFile.Read(data);

        file.TransferSyntax.Should().Be(DicomTransferSyntax.ImplicitVRLittleEndian);
        file.ReadWarnings.Should().Contain(w => w.Contains("Transfer Syntax UID", StringComparison.Ordinal));
        DicomFile.Read(ToBytes(file)).ReadWarnings.Should().BeEmpty();
    }

    [Test]
    public void An_odd_length_value_is_kept_as_read_and_written_padded()
    {
        var data = new RawBytes().Explicit(0x0010, 0x0010, "PN", 3, false).Ascii("DOE").Explicit(0x0010, 0x0020, "LO", 2, false).Ascii("P1").ToArray();
        var file = DicomFile.Read(RawBytes.FileHeader("1.2.840.10008.1.2.1").Bytes(data).ToArray());

        file.Dataset.GetValueElement(DicomTags.PatientName).Length.Should().Be(3);
        file.ReadWarnings.Should().ContainSingle().Which.Should().Contain("odd length 3");
        var back = DicomFile.Read(ToBytes(file), new DicomReaderOptions { AllowOddLengths = false });
        back.Dataset.GetValueElement(DicomTags.PatientName).Length.Should().Be(4);
        back.Dataset.GetString(DicomTags.PatientName).Should().Be("DOE");
        back.Dataset.GetString(DicomTags.PatientID).Should().Be("P1");
    }

    [Test]
    public void Encapsulated_pixel_data_declared_OW_is_read_as_OB()
    {
        var data = new RawBytes().Explicit(0x7FE0, 0x0010, "OW", 0xFFFFFFFF, true).Item(0).Item(4).Bytes(1, 2, 3, 4).SequenceEnd().ToArray();

        var file = DicomFile.Read(RawBytes.FileHeader("1.2.840.10008.1.2.4.50").Bytes(data).ToArray());

        file.Dataset.Single().VR.Should().Be(DicomVR.OB);
        file.ReadWarnings.Should().ContainSingle().Which.Should().Contain("read as OB");
        DicomFile.Read(ToBytes(file)).ReadWarnings.Should().BeEmpty();
    }

    private static byte[] ToBytes(DicomFile file)
    {
        using var stream = new MemoryStream();
        file.Write(stream);
        return stream.ToArray();
    }

    // Drops (0002,0010) from a file header written by RawBytes.FileHeader (its group length then no longer matters to us).
    private static byte[] WithoutTransferSyntax(byte[] header)
    {
        var file = DicomFile.Read(header);
        file.FileMetaInformation.Remove(DicomTags.TransferSyntaxUID);
        using var stream = new MemoryStream();
        stream.Write(new byte[128]);
        stream.Write("DICM"u8);
        DicomDatasetWriter.Write(stream, file.FileMetaInformation, DicomTransferSyntax.ExplicitVRLittleEndian);
        return stream.ToArray();
    }
}
