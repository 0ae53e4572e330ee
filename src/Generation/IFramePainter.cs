namespace Conformance.Generation;

/// <summary>Paints one frame of plausible pixel content, little-endian samples, deterministically.</summary>
internal interface IFramePainter
{
    /// <param name="frame">Exactly one frame: Rows x Columns x SamplesPerPixel x BitsAllocated/8 bytes.</param>
    /// <param name="slice">Where the object sits in its series (moves anatomy between slices).</param>
    /// <param name="frameIndex">Frame number within a multi-frame object (moves anatomy between frames).</param>
    /// <param name="seed">Noise seed for this frame.</param>
    void Paint(Span<byte> frame, int slice, int frameIndex, ulong seed);
}
