using Conformance.Dicom.Data;
using Conformance.Dicom.IO;

namespace Conformance.Unit.Tests.Generation;

/// <summary>
/// Data-layer bugs found while building the data tools (fixed in the data layer, not here). Found with the
/// 2 GB measurement: `conformance convert` of a 2.15 GB deflated multi-frame file died with
/// ArgumentOutOfRangeException from DicomDatasetParser.ReadChunked after 2.1 GB of RSS; fixed by data-layer
/// commit cb63620 (large values from streams spill to a temporary file). Kept as a regression test.
/// </summary>
public class DataLayerBugTests
{
    /// <summary>
    /// A value longer than 2^31 bytes from a stream without a known end (a deflated data set, or any
    /// non-seekable stream) grows its buffer with <c>(int)Math.Min((long)data.Length * 2, length)</c>,
    /// which overflows to a negative size once the buffer reaches 1 GiB: Array.Resize throws
    /// ArgumentOutOfRangeException instead of a typed exception (or, better, streaming the value).
    /// This test feeds 1 GiB + 2 MB of zeros without holding them (a generating stream), so it needs ~1.5 GB
    /// of RAM for the parser's buffer while it runs.
    /// </summary>
    [Test]
    public void A_value_over_2_GiB_from_a_stream_without_an_end_fails_with_a_typed_exception_not_an_overflow()
    {
        // Explicit VR LE: (7FE0,0010) OB, reserved, length 0x80000000 (2 GiB), then zeros without end.
        byte[] header = [0xE0, 0x7F, 0x10, 0x00, (byte)'O', (byte)'B', 0, 0, 0x00, 0x00, 0x00, 0x80];
        using var stream = new EndlessZerosAfter(header, zeros: (1L << 30) + (2L << 20));

        var act = () => DicomDatasetReader.Read(stream, DicomTransferSyntax.ExplicitVRLittleEndian);

        act.Should().Throw<Exception>().Which.Should().Match<Exception>(
            e => e is DicomFormatException || e is DicomDataException,
            "bad or oversized input must raise a typed exception naming the tag and offset, not an ArgumentOutOfRangeException from Array.Resize");
    }

    /// <summary>A forward-only, non-seekable stream: the header, then a fixed number of zero bytes.</summary>
    private sealed class EndlessZerosAfter(byte[] header, long zeros) : Stream
    {
        private long _position;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => _position; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

        public override int Read(Span<byte> buffer)
        {
            var total = header.Length + zeros;
            var n = (int)Math.Min(buffer.Length, total - _position);
            buffer[..n].Clear();
            if (_position < header.Length)
            {
                var fromHeader = (int)Math.Min(n, header.Length - _position);
                header.AsSpan((int)_position, fromHeader).CopyTo(buffer);
            }

            _position += n;
            return n;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
