using System.Buffers;
using Conformance.Dicom.Data;

namespace Conformance.Dicom.IO;

/// <summary>Writes encoder segments to a stream or buffer writer; lazy values are copied in chunks.</summary>
internal static class SegmentSink
{
    public static void Write(IEnumerable<WriteSegment> segments, Stream target, int chunkSize)
    {
        foreach (var s in segments)
        {
            if (s.Value is null)
            {
                target.Write(s.Bytes.Span);
            }
            else if (s.Value.IsInMemory && s.SwapUnit == 1)
            {
                target.Write(s.Value.GetMemory().Span);
            }
            else
            {
                CopyValue(s.Value, s.SwapUnit, chunkSize, target.Write);
            }
        }
    }

    public static async Task WriteAsync(IEnumerable<WriteSegment> segments, Stream target, int chunkSize, CancellationToken cancellationToken)
    {
        foreach (var s in segments)
        {
            if (s.Value is null)
            {
                await target.WriteAsync(s.Bytes, cancellationToken).ConfigureAwait(false);
            }
            else if (s.Value.IsInMemory && s.SwapUnit == 1)
            {
                await target.WriteAsync(s.Value.GetMemory(), cancellationToken).ConfigureAwait(false);
            }
            else
            {
                await CopyValueAsync(s.Value, s.SwapUnit, chunkSize, target, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    public static void Write(IEnumerable<WriteSegment> segments, IBufferWriter<byte> target, int chunkSize)
    {
        foreach (var s in segments)
        {
            if (s.Value is null)
            {
                target.Write(s.Bytes.Span);
            }
            else if (s.Value.IsInMemory && s.SwapUnit == 1)
            {
                target.Write(s.Value.GetMemory().Span);
            }
            else
            {
                CopyValue(s.Value, s.SwapUnit, chunkSize, span => target.Write(span));
            }
        }
    }

    private delegate void SpanAction(ReadOnlySpan<byte> data);

    private static void CopyValue(DicomBuffer value, int swapUnit, int chunkSize, SpanAction write)
    {
        var chunk = ArrayPool<byte>.Shared.Rent(AlignedChunk(chunkSize));
        try
        {
            using var source = value.OpenRead();
            var remaining = value.Length;
            while (remaining > 0)
            {
                var n = FillChunk(source, chunk, (int)Math.Min(remaining, AlignedChunk(chunkSize)));
                if (swapUnit > 1)
                {
                    ByteSwap.InPlace(chunk.AsSpan(0, n), swapUnit);
                }

                write(chunk.AsSpan(0, n));
                remaining -= n;
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(chunk);
        }
    }

    private static async Task CopyValueAsync(DicomBuffer value, int swapUnit, int chunkSize, Stream target, CancellationToken cancellationToken)
    {
        var chunk = ArrayPool<byte>.Shared.Rent(AlignedChunk(chunkSize));
        try
        {
            var source = value.OpenRead();
            await using (source.ConfigureAwait(false))
            {
                var remaining = value.Length;
                while (remaining > 0)
                {
                    var want = (int)Math.Min(remaining, AlignedChunk(chunkSize));
                    await source.ReadExactlyAsync(chunk.AsMemory(0, want), cancellationToken).ConfigureAwait(false);
                    if (swapUnit > 1)
                    {
                        ByteSwap.InPlace(chunk.AsSpan(0, want), swapUnit);
                    }

                    await target.WriteAsync(chunk.AsMemory(0, want), cancellationToken).ConfigureAwait(false);
                    remaining -= want;
                }
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(chunk);
        }
    }

    private static int FillChunk(Stream source, byte[] chunk, int want)
    {
        source.ReadExactly(chunk, 0, want);
        return want;
    }

    private static int AlignedChunk(int chunkSize) => Math.Max(8, chunkSize & ~7);
}
