using Conformance.Dicom.Data;

namespace Conformance.Generation;

/// <summary>Pixel data that paints itself frame by frame while it is written: a 2 GB object never sits in memory.</summary>
internal sealed class GeneratedPixelBuffer(GeneratedPixels pixels) : DicomBuffer
{
    /// <summary>Values up to this size are painted into one array up front; larger ones stream.</summary>
    public const long InMemoryLimit = 64L * 1024 * 1024;

    public override long Length => pixels.PaddedLength;

    public override bool IsInMemory => false;

    public override ReadOnlyMemory<byte> GetMemory() => pixels.ToArray();

    public override Stream OpenRead() => pixels.OpenStream();
}
