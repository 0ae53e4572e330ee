using Conformance.Dicom;
using Conformance.Dicom.Data;
using Conformance.Dicom.IO;

namespace Conformance.Unit.Tests.Dicom.IO;

public class DicomFileHeaderTests
{
    [Test]
    public async Task Header_then_streamed_data_set_makes_a_file_that_reads_back()
    {
        var ds = TestData.RichDataset();
        var syntax = DicomTransferSyntax.ImplicitVRLittleEndian;
        var meta = DicomFile.CreateFileMetaInformation(ds.GetUid(DicomTags.SOPClassUID), ds.GetUid(DicomTags.SOPInstanceUID), syntax, "STORESCU");
        var file = new MemoryStream();

        await DicomFile.WriteHeaderAsync(file, meta);
        file.Write(DicomDatasetWriter.ToArray(ds, syntax));
        var read = DicomFile.Read(file.ToArray());

        read.TransferSyntax.Should().Be(syntax);
        read.FileMetaInformation.GetString(DicomTags.SourceApplicationEntityTitle).Should().Be("STORESCU");
        read.FileMetaInformation.GetUid(DicomTags.ImplementationClassUID).Should().Be(DicomImplementation.ClassUid);
        read.FileMetaInformation.GetString(DicomTags.ImplementationVersionName).Should().Be(DicomImplementation.VersionName);
        read.FileMetaInformation.GetUInt32(DicomTags.FileMetaInformationGroupLength).Should()
            .Be((uint)(DicomDatasetWriter.CalculateLength(read.FileMetaInformation, DicomTransferSyntax.ExplicitVRLittleEndian) - 12));
        read.Dataset.GetString(DicomTags.PatientName).Should().Be("Müller^Hans");
    }

    [Test]
    public void Reading_only_the_header_leaves_the_stream_at_the_data_set()
    {
        var bytes = TestData.FileBytes(TestData.RichDataset(), DicomTransferSyntax.ExplicitVRBigEndian);
        var stream = new MemoryStream(bytes);

        var header = DicomFile.ReadHeader(stream);
        var dataset = DicomDatasetReader.Read(stream, header.TransferSyntax);

        header.TransferSyntax.Should().Be(DicomTransferSyntax.ExplicitVRBigEndian);
        header.SopInstanceUid.Should().Be("2.25.1234567890");
        stream.Position.Should().Be(bytes.Length);
        header.DatasetOffset.Should().Be(132 + 12 + header.FileMetaInformation.GetUInt32(DicomTags.FileMetaInformationGroupLength));
        dataset.GetString(DicomTags.PatientName).Should().Be("Müller^Hans");
        FluentActions.Invoking(() => DicomFile.ReadHeader(new NonSeekableStream(bytes))).Should().Throw<ArgumentException>();
    }
}
