using Microsoft.Win32.SafeHandles;

namespace Conformance.Dicom.Network.Association;

/// <summary>
/// A data set stored in a file region (e.g. a Part 10 file after its meta header), read with
/// positional reads; dispose it to close the file when it was opened by <see cref="Open"/>.
/// </summary>
public sealed class FileRegionMessageData : IMessageData, IDisposable
{
    private readonly SafeFileHandle _handle;
    private readonly long _start;
    private readonly bool _ownsHandle;

    public FileRegionMessageData(SafeFileHandle handle, long start, long length, bool ownsHandle = false)
    {
        ArgumentNullException.ThrowIfNull(handle);
        ArgumentOutOfRangeException.ThrowIfNegative(start);
        ArgumentOutOfRangeException.ThrowIfNegative(length);
        _handle = handle;
        _start = start;
        Length = length;
        _ownsHandle = ownsHandle;
    }

    public long Length { get; }

    /// <summary>Opens <paramref name="path"/> for asynchronous reads; length defaults to the rest of the file.</summary>
    public static FileRegionMessageData Open(string path, long start = 0, long? length = null)
    {
        var handle = File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.Read, FileOptions.Asynchronous | FileOptions.SequentialScan);
        try
        {
            var size = RandomAccess.GetLength(handle);
            var regionLength = length ?? size - start;
            if (start + regionLength > size)
            {
                throw new ArgumentOutOfRangeException(nameof(length), $"Region {start}+{regionLength} exceeds the {size}-byte file {path}");
            }

            return new FileRegionMessageData(handle, start, regionLength, ownsHandle: true);
        }
        catch
        {
            handle.Dispose();
            throw;
        }
    }

    public async ValueTask ReadAsync(long offset, Memory<byte> destination, CancellationToken ct)
    {
        var done = 0;
        while (done < destination.Length)
        {
            var read = await RandomAccess.ReadAsync(_handle, destination[done..], _start + offset + done, ct).ConfigureAwait(false);
            if (read == 0)
            {
                throw new EndOfStreamException($"File ended {Length - offset - done} bytes before the end of the data set region");
            }

            done += read;
        }
    }

    public void Dispose()
    {
        if (_ownsHandle)
        {
            _handle.Dispose();
        }
    }
}
