namespace Conformance.Generation;

/// <summary>
/// The pixel data of one generated object, produced frame by frame on demand, so an object of any
/// size can be written without holding it in memory (<see cref="OpenStream"/>) and a small one can
/// be had as one array (<see cref="ToArray"/>).
/// </summary>
public sealed class GeneratedPixels
{
    private readonly IFramePainter _painter;
    private readonly ulong _seed;
    private readonly int _slice;

    internal GeneratedPixels(ModalityTemplate template, PixelGeometry geometry, long seed, InstancePlace place)
    {
        Geometry = geometry;
        _painter = CreatePainter(template.Kind, geometry);
        _slice = place.Instance;
        _seed = Mix((ulong)seed, (ulong)place.Patient, (ulong)place.Study, (ulong)place.Series, (ulong)place.Instance);
    }

    public PixelGeometry Geometry { get; }

    /// <summary>Length of the value as written: the pixel bytes padded to even length (PS3.5 7.1.1).</summary>
    public long PaddedLength => Geometry.PixelDataLength + (Geometry.PixelDataLength & 1);

    public void PaintFrame(int frameIndex, Span<byte> frame)
    {
        if (frame.Length != Geometry.FrameLength)
        {
            throw new ArgumentException($"A frame is {Geometry.FrameLength} bytes, the buffer is {frame.Length}.", nameof(frame));
        }

        _painter.Paint(frame, _slice, frameIndex, Mix(_seed, (ulong)frameIndex));
    }

    public byte[] ToArray()
    {
        if (PaddedLength > Array.MaxLength)
        {
            throw new InvalidOperationException($"Pixel data of {PaddedLength} bytes does not fit one array; use OpenStream().");
        }

        var bytes = new byte[PaddedLength];
        var frameLength = (int)Geometry.FrameLength;
        for (var frame = 0; frame < Geometry.NumberOfFrames; frame++)
        {
            PaintFrame(frame, bytes.AsSpan(frame * frameLength, frameLength));
        }

        return bytes;
    }

    /// <summary>A read-only stream of the padded value, painting one frame at a time.</summary>
    public Stream OpenStream() => new GeneratedPixelStream(this);

    private static IFramePainter CreatePainter(GeneratedModality kind, PixelGeometry geometry) => kind switch
    {
        GeneratedModality.CT => new CtPhantomPainter(geometry.Rows, geometry.Columns, 1024, 0, (1 << geometry.BitsStored) - 1),
        GeneratedModality.RICH => new CtPhantomPainter(geometry.Rows, geometry.Columns, 0, -1024, 3071),
        GeneratedModality.MR => new MrPhantomPainter(geometry.Rows, geometry.Columns, (1 << geometry.BitsStored) - 1),
        GeneratedModality.US => new UltrasoundPainter(geometry.Rows, geometry.Columns),
        GeneratedModality.SC => new SecondaryCapturePainter(geometry.Rows, geometry.Columns),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "No painter for this modality."),
    };

    private static ulong Mix(params ulong[] values)
    {
        var random = new DeterministicRandom(0x5EED);
        var state = 0UL;
        foreach (var value in values)
        {
            random = new DeterministicRandom(state ^ value ^ random.NextUInt64());
            state = random.NextUInt64();
        }

        return state;
    }
}
