using Conformance.Dicom.Data;
using Conformance.Dicom.IO;

namespace Conformance.Unit.Tests.Dicom.IO;

public class DicomFileRoundTripTests
{
    [TestCaseSource(typeof(TestData), nameof(TestData.UncompressedSyntaxes))]
    public void Written_file_reads_back_and_writes_identical_bytes(DicomTransferSyntax syntax)
    {
        var bytes = TestData.FileBytes(TestData.RichDataset(), syntax);

        var file = DicomFile.Read(bytes);
        var again = new MemoryStream();
        file.Write(again);

        again.ToArray().Should().Equal(bytes);
        file.TransferSyntax.Should().Be(syntax);
        file.Dataset.GetString(DicomTags.PatientName).Should().Be("Müller^Hans");
    }

    [Test]
    public void Unchanged_file_on_disk_is_written_from_its_original_bytes_even_with_details_we_do_not_model()
    {
        // Elements out of tag order (PS3.5 forbids it; found in the wild): re-encoding would sort them.
        var bytes = RawBytes.FileHeader(DicomTransferSyntax.ExplicitVRLittleEndian.Uid)
            .Explicit(0x0010, 0x0020, "LO", 2, false).Ascii("12")
            .Explicit(0x0010, 0x0010, "PN", 4, false).Ascii("Doe ")
            .ToArray();
        var path = Path.GetTempFileName();
        var copy = path + ".copy";
        try
        {
            File.WriteAllBytes(path, bytes);
            var file = DicomFile.Open(path);
            file.Save(copy);
            File.ReadAllBytes(copy).Should().Equal(bytes);
            file.Dataset.Select(e => e.Tag).Should().BeInAscendingOrder();

            file.Dataset.SetString(DicomTags.PatientID, "13");
            file.Save(copy);
            DicomFile.Open(copy).Dataset.GetString(DicomTags.PatientID).Should().Be("13");
            FluentActions.Invoking(() => file.Save(path)).Should().Throw<IOException>("lazy values may come from it");
        }
        finally
        {
            File.Delete(path);
            File.Delete(copy);
        }
    }
}
