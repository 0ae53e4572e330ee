namespace Conformance.Generation;

/// <summary>The Image Pixel module of a generated object (PS3.3 C.7.6.3).</summary>
public sealed record PixelGeometry(
    int Rows,
    int Columns,
    int SamplesPerPixel,
    string PhotometricInterpretation,
    int BitsAllocated,
    int BitsStored,
    int PixelRepresentation,
    int NumberOfFrames)
{
    public int HighBit => BitsStored - 1;

    public int BytesPerSample => BitsAllocated / 8;

    /// <summary>Bytes of one frame: Rows x Columns x SamplesPerPixel x BitsAllocated / 8.</summary>
    public long FrameLength => (long)Rows * Columns * SamplesPerPixel * BytesPerSample;

    /// <summary>Bytes of the whole Pixel Data value before padding to even length.</summary>
    public long PixelDataLength => FrameLength * NumberOfFrames;

    public bool IsMultiFrame => NumberOfFrames > 1;

    /// <summary>OW for 16-bit samples, OB for 8-bit (PS3.5 8.2).</summary>
    public bool IsWordData => BitsAllocated > 8;
}
