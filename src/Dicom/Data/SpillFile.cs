using System.Buffers;
using Microsoft.Win32.SafeHandles;

namespace Conformance.Dicom.Data;

/// <summary>
/// One anonymous temporary file per parse, holding the large values of a stream back to back. On Unix the file is
/// unlinked at once (nothing is left behind even if the process dies); elsewhere it is deleted on close. The handle
/// closes when the last <see cref="DicomSpilledBuffer"/> referring to it is collected.
/// </summary>
internal sealed class SpillFile
{
    private long _end;

    private SpillFile(SafeFileHandle handle) => Handle = handle;

    public SafeFileHandle Handle { get; }

    public static SpillFile Create()
    {
        var path = Path.Combine(Path.GetTempPath(), $"dicom-spill-{Guid.NewGuid():N}.tmp");
        var handle = File.OpenHandle(path, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, FileOptions.DeleteOnClose);
        if (!OperatingSystem.IsWindows())
        {
            File.Delete(path);
        }

        return new SpillFile(handle);
    }

    /// <summary>Copies <paramref name="length"/> bytes from <paramref name="read"/> (which returns 0 at the end of
    /// input) to the end of the file, in chunks; returns their offset, or -1 if the input ended first.</summary>
    public long Append(long length, Func<Span<byte>, int> read, int chunkSize)
    {
        var start = _end;
        var chunk = ArrayPool<byte>.Shared.Rent(chunkSize);
        try
        {
            var remaining = length;
            while (remaining > 0)
            {
                var n = read(chunk.AsSpan(0, (int)Math.Min(remaining, chunkSize)));
                if (n == 0)
                {
                    return -1;
                }

                RandomAccess.Write(Handle, chunk.AsSpan(0, n), _end);
                _end += n;
                remaining -= n;
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(chunk);
        }

        return start;
    }
}
