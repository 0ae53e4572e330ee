using Conformance.Dicom.Data;
using Conformance.Dicom.IO;

namespace Conformance.Unit.Tests.Dicom.IO;

/// <summary>Large values stay in the file (sparse temp files of a few hundred MB) and stream on write.</summary>
public class LazyValueTests
{
    private const long PixelLength = 64L * 1024 * 1024;
    private static readonly long[] Markers = [0, (1024 * 1024) - 2, (PixelLength / 2) + 6, PixelLength - 4];
    private string _dir = null!;

    [SetUp]
    public void CreateDirectory() => _dir = Directory.CreateTempSubdirectory("lazy-").FullName;

    [TearDown]
    public void DeleteDirectory() => Directory.Delete(_dir, recursive: true);

    /// <summary>Explicit VR LE file whose OW pixel data is sparse except for markers; returns the value's offset.</summary>
    private static long MakeLargeFile(string path)
    {
        var ds = new DicomDataset();
        ds.SetUid(DicomTags.SOPClassUID, "1.2.840.10008.5.1.4.1.1.7");
        ds.SetUid(DicomTags.SOPInstanceUID, "2.25.42");
        ds.SetUInt16(DicomTags.BitsAllocated, 16);
        using var fs = new FileStream(path, FileMode.Create);
        new DicomFile(ds, DicomTransferSyntax.ExplicitVRLittleEndian).Write(fs);
        fs.Write(new RawBytes().Explicit(0x7FE0, 0x0010, "OW", (uint)PixelLength, true).ToArray());
        var valueOffset = fs.Position;
        fs.SetLength(valueOffset + PixelLength);
        foreach (var at in Markers)
        {
            fs.Position = valueOffset + at;
            fs.Write([0x01, 0x02, 0x03, 0x04]);
        }

        return valueOffset;
    }

    [Test]
    public void Large_value_is_a_lazy_file_range_readable_as_a_stream()
    {
        var path = Path.Combine(_dir, "big.dcm");
        var offset = MakeLargeFile(path);
        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);

        var file = DicomFile.Open(path);

        (GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore).Should().BeLessThan(8 * 1024 * 1024);
        var px = file.Dataset.GetValueElement(DicomTags.PixelData);
        var range = px.Value.Should().BeOfType<DicomFileRange>().Subject;
        range.Offset.Should().Be(offset);
        range.Length.Should().Be(PixelLength);
        file.DatasetRegion!.Length.Should().Be(new FileInfo(path).Length - file.DatasetRegion.Offset);
        using var s = px.Value.OpenRead();
        var buf = new byte[4];
        foreach (var at in Markers)
        {
            s.Position = at;
            s.ReadExactly(buf);
            buf.Should().Equal(1, 2, 3, 4);
        }
    }

    [Test]
    public async Task Large_value_streams_to_big_endian_swapped_in_chunks_and_back()
    {
        var path = Path.Combine(_dir, "big.dcm");
        MakeLargeFile(path);
        var bePath = Path.Combine(_dir, "big-be.dcm");
        var lePath = Path.Combine(_dir, "big-le.dcm");

        var file = DicomFile.Open(path);
        file.ChangeTransferSyntax(DicomTransferSyntax.ExplicitVRBigEndian);
        await file.SaveAsync(bePath);
        var be = DicomFile.Open(bePath);
        var beRange = be.Dataset.GetValueElement(DicomTags.PixelData).Value.Should().BeOfType<DicomFileRange>().Subject;
        be.ChangeTransferSyntax(DicomTransferSyntax.ExplicitVRLittleEndian);
        be.Save(lePath);

        beRange.SourceSwapSize.Should().Be(2);
        using (var raw = File.OpenRead(bePath))
        {
            var buf = new byte[4];
            raw.Position = beRange.Offset + Markers[2];
            raw.ReadExactly(buf);
            buf.Should().Equal([0x02, 0x01, 0x04, 0x03], "OW is swapped in 16-bit units on disk");
        }

        using (var value = beRange.OpenRead())
        {
            var buf = new byte[3];
            value.Position = Markers[3] + 1;
            value.ReadExactly(buf);
            buf.Should().Equal([0x02, 0x03, 0x04], "reads are little endian even when unaligned");
        }

        var original = File.ReadAllBytes(path);
        var final = File.ReadAllBytes(lePath);
        final.AsSpan(0x200).SequenceEqual(original.AsSpan(0x200)).Should().BeTrue("pixel data came back unchanged");
    }

    [TestCaseSource(typeof(TestData), nameof(TestData.UncompressedSyntaxes))]
    public void Every_value_lazy_still_transcodes_exactly(DicomTransferSyntax source)
    {
        var path = Path.Combine(_dir, "all-lazy.dcm");
        var ds = TestData.RichDataset();
        ds.AddOrUpdate(DicomValueEncoder.FromDouble(DicomTags.RealWorldValueLUTData, DicomVR.FD, 1.5, -2.25, 1e300));
        ds.AddOrUpdate(DicomValueEncoder.FromAttributeTags(DicomTags.FrameIncrementPointer, DicomTags.FrameTime, DicomTags.PixelData));
        File.WriteAllBytes(path, TestData.FileBytes(ds, source));
        var everythingLazy = new DicomReaderOptions { LazyValueThreshold = 1, LazyFragmentThreshold = 1 };

        foreach (var target in TestData.UncompressedSyntaxes())
        {
            var file = DicomFile.Open(path, everythingLazy);
            file.ChangeTransferSyntax(target);
            var written = new MemoryStream();
            file.Write(written);

            if (!source.IsDeflated)
            {
                file.Dataset.GetValueElement(DicomTags.PatientName).Value.Should().BeOfType<DicomFileRange>();
            }

            file.Dataset.GetDouble(DicomTags.RealWorldValueLUTData, 2).Should().Be(1e300);
            file.Dataset.GetAttributeTag(DicomTags.FrameIncrementPointer, 1).Should().Be(DicomTags.PixelData);
            written.ToArray().Should().Equal(TestData.FileBytes(ds, target), $"{source.Name} -> {target.Name}");
        }
    }

    [Test]
    public void Encapsulated_fragments_above_the_fragment_threshold_stay_in_the_file()
    {
        var path = Path.Combine(_dir, "frames.dcm");
        var frame = Enumerable.Range(0, 100_000).Select(i => (byte)i).ToArray();
        var raw = RawBytes.FileHeader(DicomTransferSyntax.JPEGBaseline8Bit.Uid)
            .Explicit(0x7FE0, 0x0010, "OB", 0xFFFFFFFF, true).Item(0)
            .Item((uint)frame.Length).Bytes(frame).Item(4).Bytes(1, 2, 3, 4).SequenceEnd().ToArray();
        File.WriteAllBytes(path, raw);

        var file = DicomFile.Open(path);
        var px = (DicomFragmentSequence)file.Dataset[DicomTags.PixelData];
        var copy = new MemoryStream();
        file.Write(copy);

        px.Fragments[0].Should().BeOfType<DicomFileRange>();
        px.Fragments[1].Should().BeOfType<DicomMemoryBuffer>();
        px.Fragments[0].GetMemory().ToArray().Should().Equal(frame);
        copy.ToArray().Should().Equal(raw);
    }
}
