using Conformance.Dicom.Data;
using Microsoft.Win32.SafeHandles;

namespace Conformance.Dicom.Network.Association;

/// <summary>
/// A data set stored in a file region (e.g. a Part 10 file after its meta header, described by a
/// <see cref="DicomFileRange"/>), read with positional asynchronous reads straight into the PDV buffer.
/// Dispose it to close the file.
/// </summary>
public sealed class FileRegionMessageData : IMessageData, IDisposable
{
    private readonly SafeFileHandle _handle;
    private readonly DicomFileRange _region;

    private FileRegionMessageData(SafeFileHandle handle, DicomFileRange region)
    {
        _handle = handle;
        _region = region;
    }

    public long Length => _region.Length;

    /// <summary>Opens <paramref name="path"/> for asynchronous reads; length defaults to the rest of the file.</summary>
    public static FileRegionMessageData Open(string path, long start = 0, long? length = null)
    {
        var handle = OpenHandle(path);
        try
        {
            var size = RandomAccess.GetLength(handle);
            var region = new DicomFileRange(path, start, length ?? size - start);
            if (region.Offset + region.Length > size)
            {
                throw new ArgumentOutOfRangeException(nameof(length), $"Region {start}+{region.Length} exceeds the {size}-byte file {path}");
            }

            return new FileRegionMessageData(handle, region);
        }
        catch
        {
            handle.Dispose();
            throw;
        }
    }

    /// <summary>Opens a little-endian file range (a lazy value read from a Part 10 file) for sending as it is.</summary>
    public static FileRegionMessageData Open(DicomFileRange region)
    {
        ArgumentNullException.ThrowIfNull(region);
        if (region.SourceSwapSize != 1)
        {
            throw new ArgumentException($"The range in {region.Path} holds big-endian values; it cannot be sent as it is", nameof(region));
        }

        return new FileRegionMessageData(OpenHandle(region.Path), region);
    }

    public async ValueTask ReadAsync(long offset, Memory<byte> destination, CancellationToken ct)
    {
        var done = 0;
        while (done < destination.Length)
        {
            var read = await RandomAccess.ReadAsync(_handle, destination[done..], _region.Offset + offset + done, ct).ConfigureAwait(false);
            if (read == 0)
            {
                throw new EndOfStreamException($"{_region.Path} ended {Length - offset - done} bytes before the end of the data set region");
            }

            done += read;
        }
    }

    public void Dispose() => _handle.Dispose();

    private static SafeFileHandle OpenHandle(string path) =>
        File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.Read, FileOptions.Asynchronous | FileOptions.SequentialScan);
}
