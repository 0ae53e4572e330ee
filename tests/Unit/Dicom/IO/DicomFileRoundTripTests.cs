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
}
