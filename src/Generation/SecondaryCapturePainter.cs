namespace Conformance.Generation;

/// <summary>An RGB test card: colour gradients, a grid and a coloured block placed by the seed (PlanarConfiguration 0).</summary>
internal sealed class SecondaryCapturePainter(int rows, int columns) : IFramePainter
{
    public void Paint(Span<byte> frame, int slice, int frameIndex, ulong seed)
    {
        var random = new DeterministicRandom(seed);
        var blockRow = random.Next(Math.Max(1, rows / 2));
        var blockColumn = random.Next(Math.Max(1, columns / 2));
        var blockColour = ((byte)random.Next(256), (byte)random.Next(256), (byte)random.Next(256));
        var i = 0;
        for (var row = 0; row < rows; row++)
        {
            for (var column = 0; column < columns; column++, i += 3)
            {
                var inBlock = row >= blockRow && row < blockRow + (rows / 4) && column >= blockColumn && column < blockColumn + (columns / 4);
                if (inBlock)
                {
                    (frame[i], frame[i + 1], frame[i + 2]) = blockColour;
                }
                else if (row % 32 == 0 || column % 32 == 0)
                {
                    (frame[i], frame[i + 1], frame[i + 2]) = ((byte)255, (byte)255, (byte)255);
                }
                else
                {
                    frame[i] = (byte)(column * 255 / Math.Max(1, columns - 1));
                    frame[i + 1] = (byte)(row * 255 / Math.Max(1, rows - 1));
                    frame[i + 2] = (byte)((slice * 37) + (frameIndex * 11));
                }
            }
        }
    }
}
