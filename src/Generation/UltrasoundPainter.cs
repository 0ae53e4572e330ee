namespace Conformance.Generation;

/// <summary>
/// A B-mode sector: black outside the fan, speckle inside, brighter with depth-gain, and a dark
/// cyst that moves from frame to frame.
/// </summary>
internal sealed class UltrasoundPainter(int rows, int columns) : IFramePainter
{
    private const double HalfAngle = 0.6; // radians, about 34 degrees either side

    public void Paint(Span<byte> frame, int slice, int frameIndex, ulong seed)
    {
        var random = new DeterministicRandom(seed);
        var apexX = columns / 2.0;
        var maxDepth = rows * 0.95;
        var cyst = new Ellipse(-0.2 + (0.05 * Math.Sin(frameIndex * 0.5)), 0.2, 0.12, 0.08);
        var i = 0;
        for (var row = 0; row < rows; row++)
        {
            for (var column = 0; column < columns; column++, i++)
            {
                var dx = column - apexX;
                var depth = Math.Sqrt((dx * dx) + (row * row));
                var angle = Math.Atan2(dx, row + 1e-9);
                if (depth > maxDepth || Math.Abs(angle) > HalfAngle || row < 8)
                {
                    frame[i] = 0;
                    continue;
                }

                var x = ((2.0 * column) / columns) - 1.0;
                var y = ((2.0 * row) / rows) - 1.0;
                var echogenicity = cyst.Contains(x, y) ? 15 : 90 + (int)(60 * depth / maxDepth);
                frame[i] = (byte)Math.Min(255, (random.Next(256) * echogenicity) >> 7);
            }
        }
    }
}
