using System.Buffers;
using Conformance.Dicom.Data;
using Conformance.Dicom.IO;
using Conformance.Dicom.Network.Association;

namespace Conformance.Dicom.Network.Services.Storage;

/// <summary>
/// A data set encoded once into a pooled buffer of its exact encoded length (computed first with
/// <see cref="DicomDatasetWriter.CalculateLength"/>): no growing buffer, no copy. The buffer goes back to the pool
/// when the <see cref="StoreData"/> is disposed, i.e. after the message was sent.
/// </summary>
internal sealed class PooledEncoding : IDisposable
{
    private byte[]? _buffer;

    private PooledEncoding(byte[] buffer, int length)
    {
        _buffer = buffer;
        Data = new MemoryMessageData(buffer.AsMemory(0, length));
    }

    public MemoryMessageData Data { get; }

    public static StoreData Encode(DicomDataset dataset, DicomTransferSyntax syntax)
    {
        var length = DicomDatasetWriter.CalculateLength(dataset, syntax);
        if (length > Array.MaxLength)
        {
            throw new NotSupportedException($"The data set of {dataset.GetStringOrDefault(DicomTags.SOPInstanceUID)} encodes to {length} bytes; sending more than {Array.MaxLength} bytes from memory is not supported.");
        }

        var buffer = ArrayPool<byte>.Shared.Rent((int)length);
        try
        {
            var writer = new FixedArrayWriter(buffer, (int)length);
            DicomDatasetWriter.Write(writer, dataset, syntax);
            if (writer.Written != length)
            {
                throw new InvalidOperationException($"The data set encoded to {writer.Written} bytes, but its calculated length is {length}.");
            }

            var encoding = new PooledEncoding(buffer, (int)length);
            return new StoreData(encoding.Data, encoding);
        }
        catch
        {
            ArrayPool<byte>.Shared.Return(buffer);
            throw;
        }
    }

    public void Dispose()
    {
        var buffer = Interlocked.Exchange(ref _buffer, null);
        if (buffer is not null)
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>Writes into the first <c>limit</c> bytes of an array; asking for more is a length miscalculation.</summary>
    private sealed class FixedArrayWriter(byte[] buffer, int limit) : IBufferWriter<byte>
    {
        public int Written { get; private set; }

        public void Advance(int count)
        {
            ArgumentOutOfRangeException.ThrowIfNegative(count);
            if (count > limit - Written)
            {
                throw new InvalidOperationException($"The encoder wrote past the calculated length {limit}.");
            }

            Written += count;
        }

        public Memory<byte> GetMemory(int sizeHint = 0) => buffer.AsMemory(Written, Remaining(sizeHint));

        public Span<byte> GetSpan(int sizeHint = 0) => buffer.AsSpan(Written, Remaining(sizeHint));

        private int Remaining(int sizeHint)
        {
            // At the end an empty span is returned (an empty value may still be written); a caller that needs room fails in Advance or here.
            var remaining = limit - Written;
            if (sizeHint > remaining)
            {
                throw new InvalidOperationException($"The encoder needs more than the calculated length {limit} (at {Written}, asked for {sizeHint}).");
            }

            return remaining;
        }
    }
}
