using System.IO.Compression;
using Conformance.Dicom.Data;
using Conformance.Dicom.IO;

namespace Conformance.Unit.Tests.Dicom.IO;

public class DeflateTests
{
    /// <summary>A deflated file whose deflate stream is made with stored (uncompressed) blocks, which our writer
    /// (CompressionLevel.Optimal) would never produce: only keeping the original bytes gives the same file.</summary>
    private static byte[] StoredBlockDeflatedFile(out byte[] inflated)
    {
        var ds = TestData.RichDataset();
        inflated = DicomDatasetWriter.ToArray(ds, DicomTransferSyntax.ExplicitVRLittleEndian);
        var deflated = new MemoryStream();
        using (var z = new DeflateStream(deflated, CompressionLevel.NoCompression, leaveOpen: true))
        {
            z.Write(inflated);
        }

        var meta = DicomFile.CreateFileMetaInformation("1.2.840.10008.5.1.4.1.1.7", "2.25.1", DicomTransferSyntax.DeflatedExplicitVRLittleEndian);
        var file = new MemoryStream();
        file.Write(new byte[128]);
        file.Write("DICM"u8);
        DicomDatasetWriter.Write(file, meta, DicomTransferSyntax.ExplicitVRLittleEndian, new DicomWriterOptions { GroupLengths = GroupLengthHandling.Recalculate });
        file.Write(deflated.ToArray());
        return file.ToArray();
    }

    [Test]
    public void Unchanged_deflated_data_set_keeps_its_original_deflate_stream()
    {
        var bytes = StoredBlockDeflatedFile(out _);

        var file = DicomFile.Read(bytes);
        var again = new MemoryStream();
        file.Write(again);

        file.Dataset.GetString(DicomTags.PatientName).Should().Be("Müller^Hans");
        again.ToArray().Should().Equal(bytes);
    }

    [Test]
    public void Unchanged_deflated_file_on_disk_keeps_its_stream_too()
    {
        var bytes = StoredBlockDeflatedFile(out _);
        var path = Path.GetTempFileName();
        var outPath = path + ".out";
        try
        {
            File.WriteAllBytes(path, bytes);
            var file = DicomFile.Open(path);
            file.Save(outPath);
            File.ReadAllBytes(outPath).Should().Equal(bytes);
        }
        finally
        {
            File.Delete(path);
            File.Delete(outPath);
        }
    }

    [Test]
    public void A_change_anywhere_in_the_tree_re_deflates_and_the_inflated_data_match()
    {
        var bytes = StoredBlockDeflatedFile(out var inflated);
        var file = DicomFile.Read(bytes);

        file.Dataset.GetSequence(DicomTags.ReferencedImageSequence).Items[1].SetUid(DicomTags.ReferencedSOPInstanceUID, "1.2.3.5");
        var again = new MemoryStream();
        file.Write(again);
        var reread = DicomFile.Read(again.ToArray());

        again.ToArray().Should().NotEqual(bytes);
        reread.Dataset.GetSequence(DicomTags.ReferencedImageSequence).Items[1].GetUid(DicomTags.ReferencedSOPInstanceUID).Should().Be("1.2.3.5");
        reread.Dataset.GetSequence(DicomTags.ReferencedImageSequence).Items[1].SetUid(DicomTags.ReferencedSOPInstanceUID, "1.2.3.4");
        DicomDatasetWriter.ToArray(reread.Dataset, DicomTransferSyntax.ExplicitVRLittleEndian).Should().Equal(inflated);
    }

    [Test]
    public void Transcoding_a_deflated_file_to_explicit_and_back_gives_the_same_inflated_data()
    {
        var bytes = StoredBlockDeflatedFile(out var inflated);
        var file = DicomFile.Read(bytes);

        file.ChangeTransferSyntax(DicomTransferSyntax.ExplicitVRLittleEndian);
        var plain = new MemoryStream();
        file.Write(plain);
        var back = DicomFile.Read(plain.ToArray());

        DicomDatasetWriter.ToArray(back.Dataset, DicomTransferSyntax.ExplicitVRLittleEndian).Should().Equal(inflated);
    }

    [Test]
    public async Task A_deflated_data_set_is_written_padded_to_even_length_and_reads_back()
    {
        var lengths = new List<long>();
        for (var i = 0; i < 40 && lengths.Select(l => l % 2).Distinct().Count() < 2; i++)
        {
            var ds = TestData.RichDataset();
            ds.SetString(DicomTags.PatientID, new string('7', i));
            var stream = new MemoryStream();
            using (var z = new DeflateStream(stream, CompressionLevel.Optimal, leaveOpen: true))
            {
                z.Write(DicomDatasetWriter.ToArray(ds, DicomTransferSyntax.ExplicitVRLittleEndian));
            }

            var written = DicomDatasetWriter.ToArray(ds, DicomTransferSyntax.DeflatedExplicitVRLittleEndian);
            var asynchronously = new MemoryStream();
            await DicomDatasetWriter.WriteAsync(asynchronously, ds, DicomTransferSyntax.DeflatedExplicitVRLittleEndian);

            ((long)written.Length).Should().Be(stream.Length + (stream.Length % 2), "PS3.5 A.5: one 00H pads an odd deflate stream");
            asynchronously.ToArray().Should().Equal(written);
            DicomDatasetReader.Read(written, DicomTransferSyntax.DeflatedExplicitVRLittleEndian).GetString(DicomTags.PatientID).Should().Be(new string('7', i));
            lengths.Add(stream.Length);
        }

        lengths.Should().Contain(l => l % 2 == 1, "some data set deflates to an odd length");
    }
}
