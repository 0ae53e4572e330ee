using System.Buffers;
using Conformance.Dicom.Data;
using Conformance.Dicom.IO;

namespace Conformance.Unit.Tests.Dicom.IO;

/// <summary>The paths the network layer uses: fragments in, buffer writers and async streams out.</summary>
public class DatasetReaderWriterTests
{
    private sealed class Segment : ReadOnlySequenceSegment<byte>
    {
        public Segment(ReadOnlyMemory<byte> memory, Segment? previous)
        {
            Memory = memory;
            if (previous is not null)
            {
                RunningIndex = previous.RunningIndex + previous.Memory.Length;
                previous.Next = this;
            }
        }
    }

    /// <summary>Splits data into pieces of <paramref name="size"/> bytes, like PDV fragments.</summary>
    private static ReadOnlySequence<byte> Fragmented(byte[] data, int size)
    {
        Segment? first = null, last = null;
        for (var i = 0; i < data.Length; i += size)
        {
            last = new Segment(data.AsMemory(i, Math.Min(size, data.Length - i)), last);
            first ??= last;
        }

        return new ReadOnlySequence<byte>(first!, 0, last!, last!.Memory.Length);
    }

    [TestCaseSource(typeof(TestData), nameof(TestData.UncompressedSyntaxes))]
    public void Fragmented_sequences_parse_like_contiguous_memory(DicomTransferSyntax syntax)
    {
        var bytes = DicomDatasetWriter.ToArray(TestData.RichDataset(), syntax);

        foreach (var size in new[] { 1, 3, 7, 64, 1000 })
        {
            var ds = DicomDatasetReader.Read(Fragmented(bytes, size), syntax);
            DicomDatasetWriter.ToArray(ds, syntax).Should().Equal(bytes, $"fragments of {size} bytes");
        }
    }

    [TestCaseSource(typeof(TestData), nameof(TestData.UncompressedSyntaxes))]
    public void Non_seekable_streams_parse_too(DicomTransferSyntax syntax)
    {
        var bytes = DicomDatasetWriter.ToArray(TestData.RichDataset(), syntax);

        var ds = DicomDatasetReader.Read(new NonSeekableStream(bytes, 5), syntax);

        DicomDatasetWriter.ToArray(ds, syntax).Should().Equal(bytes);
    }

    [TestCaseSource(typeof(TestData), nameof(TestData.UncompressedSyntaxes))]
    public async Task Stream_async_and_buffer_writer_outputs_are_identical(DicomTransferSyntax syntax)
    {
        var ds = TestData.RichDataset();
        ds.SetBytes(DicomTags.PixelData, DicomVR.OW, Enumerable.Range(0, 300_000).Select(i => (byte)i).ToArray());
        var small = new DicomWriterOptions { BufferSize = 1024, InlineValueLimit = 100, ChunkSize = 4096 };

        var sync = new MemoryStream();
        DicomDatasetWriter.Write(sync, ds, syntax);
        var async = new MemoryStream();
        await DicomDatasetWriter.WriteAsync(async, ds, syntax, small);
        var buffer = new ArrayBufferWriter<byte>(16);
        DicomDatasetWriter.Write(buffer, ds, syntax, small);

        async.ToArray().Should().Equal(sync.ToArray());
        buffer.WrittenSpan.ToArray().Should().Equal(sync.ToArray());
        if (!syntax.IsDeflated)
        {
            DicomDatasetWriter.CalculateLength(ds, syntax).Should().Be(sync.Length);
        }
    }

    [Test]
    public void Value_longer_than_a_short_length_header_is_written_as_UN_in_explicit_VR()
    {
        var ds = new DicomDataset();
        ds.AddOrUpdate(new DicomValueElement(DicomTags.ImageComments, DicomVR.LT, new byte[70_000]));

        var bytes = DicomDatasetWriter.ToArray(ds, DicomTransferSyntax.ExplicitVRLittleEndian);
        var back = DicomDatasetReader.Read(bytes, DicomTransferSyntax.ExplicitVRLittleEndian);

        back.GetValueElement(DicomTags.ImageComments).VR.Should().Be(DicomVR.UN);
        back.GetValueElement(DicomTags.ImageComments).Length.Should().Be(70_000);
        DicomDatasetWriter.CalculateLength(ds, DicomTransferSyntax.ExplicitVRLittleEndian).Should().Be(bytes.Length);
    }

    [Test]
    public void Command_set_style_data_set_in_implicit_VR_has_golden_bytes()
    {
        var ds = new DicomDataset();
        ds.SetUid(DicomTags.AffectedSOPClassUID, "1.2.840.10008.1.1");
        ds.SetUInt16(DicomTags.CommandField, 0x0030);
        ds.SetUInt16(DicomTags.MessageID, 1);
        ds.SetUInt16(DicomTags.CommandDataSetType, 0x0101);

        var bytes = DicomDatasetWriter.ToArray(ds, DicomTransferSyntax.ImplicitVRLittleEndian);

        bytes.Should().Equal(new RawBytes()
            .Implicit(0x0000, 0x0002, 18).Ascii("1.2.840.10008.1.1\0")
            .Implicit(0x0000, 0x0100, 2).U16(0x0030)
            .Implicit(0x0000, 0x0110, 2).U16(1)
            .Implicit(0x0000, 0x0800, 2).U16(0x0101)
            .ToArray());
    }
}
