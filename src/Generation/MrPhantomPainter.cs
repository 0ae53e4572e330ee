using System.Buffers.Binary;

namespace Conformance.Generation;

/// <summary>A T1-like axial head slice: scalp fat, skull, grey and white matter, ventricles, with noise.</summary>
internal sealed class MrPhantomPainter(int rows, int columns, int maxStored) : IFramePainter
{
    private static readonly Ellipse Scalp = new(0, 0, 0.72, 0.88);
    private static readonly Ellipse Skull = new(0, 0, 0.67, 0.83);
    private static readonly Ellipse Brain = new(0, 0, 0.62, 0.78);
    private static readonly Ellipse WhiteMatter = new(0, 0, 0.5, 0.64);

    public void Paint(Span<byte> frame, int slice, int frameIndex, ulong seed)
    {
        var random = new DeterministicRandom(seed);
        var ventricleSize = 0.08 + (0.04 * Math.Cos(slice * 0.4));
        var leftVentricle = new Ellipse(-0.12, -0.05, ventricleSize, ventricleSize * 3);
        var rightVentricle = new Ellipse(0.12, -0.05, ventricleSize, ventricleSize * 3);
        var i = 0;
        for (var row = 0; row < rows; row++)
        {
            var y = ((2.0 * row) / rows) - 1.0;
            for (var column = 0; column < columns; column++, i += 2)
            {
                var x = ((2.0 * column) / columns) - 1.0;
                int signal;
                if (!Scalp.Contains(x, y))
                {
                    signal = 0;
                }
                else if (!Skull.Contains(x, y))
                {
                    signal = 1500;
                }
                else if (!Brain.Contains(x, y))
                {
                    signal = 80;
                }
                else if (leftVentricle.Contains(x, y) || rightVentricle.Contains(x, y))
                {
                    signal = 250;
                }
                else
                {
                    signal = WhiteMatter.Contains(x, y) ? 1000 : 700;
                }

                var stored = Math.Clamp(signal + random.NextNoise(signal == 0 ? 12 : 40), 0, maxStored);
                BinaryPrimitives.WriteUInt16LittleEndian(frame.Slice(i, 2), (ushort)stored);
            }
        }
    }
}
