using System.IO.Compression;
using Conformance.Dicom.Data;
using Conformance.Dicom.IO;

namespace Conformance.Unit.Tests.Dicom.IO;

/// <summary>Large values from streams with no file behind them (inflated data, sockets) go to a temporary file.</summary>
public class SpilledValueTests
{
    private static readonly byte[] Pixels = Enumerable.Range(0, 3 * 1024 * 1024).Select(i => (byte)(i * 7)).ToArray();

    private static DicomDataset Large()
    {
        var ds = TestData.RichDataset();
        ds.SetBytes(DicomTags.PixelData, DicomVR.OW, Pixels);
        return ds;
    }

    [Test]
    public void Large_value_of_a_deflated_file_is_spilled_and_transcodes_exactly()
    {
        var deflated = TestData.FileBytes(Large(), DicomTransferSyntax.DeflatedExplicitVRLittleEndian);
        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);

        var file = DicomFile.Read(deflated);

        (GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore).Should().BeLessThan(Pixels.Length, "the 3 MB value is not held in memory");
        var px = file.Dataset.GetValueElement(DicomTags.PixelData);
        px.Value.Should().BeOfType<DicomSpilledBuffer>();
        px.Value.GetMemory().ToArray().Should().Equal(Pixels);
        file.ChangeTransferSyntax(DicomTransferSyntax.ExplicitVRBigEndian);
        var be = new MemoryStream();
        file.Write(be);
        be.ToArray().Should().Equal(TestData.FileBytes(Large(), DicomTransferSyntax.ExplicitVRBigEndian));
    }

    [Test]
    public async Task Big_endian_value_from_a_non_seekable_stream_is_spilled_swapped_back_to_little_endian()
    {
        var bytes = DicomDatasetWriter.ToArray(Large(), DicomTransferSyntax.ExplicitVRBigEndian);

        var ds = DicomDatasetReader.Read(new NonSeekableStream(bytes, 100_000), DicomTransferSyntax.ExplicitVRBigEndian);
        var spilled = ds.GetValueElement(DicomTags.PixelData).Value.Should().BeOfType<DicomSpilledBuffer>().Subject;
        var again = new MemoryStream();
        await DicomDatasetWriter.WriteAsync(again, ds, DicomTransferSyntax.ExplicitVRBigEndian);

        spilled.SourceSwapSize.Should().Be(2);
        spilled.GetMemory().ToArray().Should().Equal(Pixels);
        again.ToArray().Should().Equal(bytes);
        DicomDatasetWriter.ToArray(ds, DicomTransferSyntax.ExplicitVRLittleEndian)
            .Should().Equal(DicomDatasetWriter.ToArray(Large(), DicomTransferSyntax.ExplicitVRLittleEndian));
    }

    [Test]
    public void Truncated_spilled_value_names_tag_and_offset_and_leaves_no_file()
    {
        var spillFilesBefore = Directory.GetFiles(Path.GetTempPath(), "dicom-spill-*").Length;
        var data = new RawBytes().Explicit(0x0010, 0x0010, "PN", 2, false).Ascii("A ")
            .Explicit(0x7FE0, 0x0010, "OB", 0x80000000, true).Bytes(new byte[3 * 1024 * 1024]).ToArray();

        var ex = FluentActions.Invoking(() => DicomDatasetReader.Read(new NonSeekableStream(data, 65536), DicomTransferSyntax.ExplicitVRLittleEndian))
            .Should().Throw<DicomFormatException>().Which;

        ex.Tag.Should().Be(DicomTags.PixelData);
        ex.Offset.Should().Be(10);
        if (!OperatingSystem.IsWindows())
        {
            Directory.GetFiles(Path.GetTempPath(), "dicom-spill-*").Length.Should().Be(spillFilesBefore, "spill files are unlinked at once");
        }
    }

    [Test]
    public void Spilling_can_be_turned_off()
    {
        var bytes = DicomDatasetWriter.ToArray(Large(), DicomTransferSyntax.ExplicitVRLittleEndian);
        using var inflated = new DeflateStream(new MemoryStream(Deflate(bytes)), CompressionMode.Decompress);

        var ds = DicomDatasetReader.Read(inflated, DicomTransferSyntax.ExplicitVRLittleEndian, new DicomReaderOptions { SpillLargeValues = false });

        ds.GetValueElement(DicomTags.PixelData).Value.Should().BeOfType<DicomMemoryBuffer>();
    }

    private static byte[] Deflate(byte[] data)
    {
        var ms = new MemoryStream();
        using (var z = new DeflateStream(ms, CompressionLevel.Fastest, leaveOpen: true))
        {
            z.Write(data);
        }

        return ms.ToArray();
    }
}
