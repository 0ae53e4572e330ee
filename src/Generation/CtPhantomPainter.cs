using System.Buffers.Binary;

namespace Conformance.Generation;

/// <summary>
/// A chest-like CT slice in Hounsfield units: air, a body with a fat rim, two lungs whose size
/// changes from slice to slice, heart, aorta, spine and a table, with noise. Stored values are
/// HU + <c>offset</c> (1024 for unsigned 12-bit data with RescaleIntercept -1024, 0 for signed).
/// </summary>
internal sealed class CtPhantomPainter(int rows, int columns, int offset, int minStored, int maxStored) : IFramePainter
{
    private static readonly Ellipse Body = new(0, 0.05, 0.78, 0.58);
    private static readonly Ellipse BodyInner = new(0, 0.05, 0.72, 0.52);
    private static readonly Ellipse Heart = new(0.12, 0.0, 0.22, 0.2);
    private static readonly Ellipse Aorta = new(-0.05, 0.28, 0.06, 0.06);
    private static readonly Ellipse Spine = new(0, 0.45, 0.1, 0.09);
    private static readonly Ellipse SpinalCanal = new(0, 0.45, 0.035, 0.03);

    public void Paint(Span<byte> frame, int slice, int frameIndex, ulong seed)
    {
        var random = new DeterministicRandom(seed);
        var breath = 0.9 + (0.1 * Math.Sin(slice * 0.3));
        var leftLung = new Ellipse(-0.36, 0.0, 0.26 * breath, 0.38 * breath);
        var rightLung = new Ellipse(0.36, 0.0, 0.26 * breath, 0.38 * breath);
        var i = 0;
        for (var row = 0; row < rows; row++)
        {
            var y = ((2.0 * row) / rows) - 1.0;
            for (var column = 0; column < columns; column++, i += 2)
            {
                var x = ((2.0 * column) / columns) - 1.0;
                var hu = Attenuation(x, y, leftLung, rightLung) + random.NextNoise(18);
                var stored = Math.Clamp(hu + offset, minStored, maxStored);
                BinaryPrimitives.WriteInt16LittleEndian(frame.Slice(i, 2), (short)stored);
            }
        }
    }

    private static int Attenuation(double x, double y, Ellipse leftLung, Ellipse rightLung)
    {
        if (!Body.Contains(x, y))
        {
            return y is > 0.7 and < 0.76 ? 200 : -1000; // the table under the patient, else air
        }

        if (SpinalCanal.Contains(x, y))
        {
            return 20;
        }

        if (Spine.Contains(x, y))
        {
            return 700;
        }

        if (Aorta.Contains(x, y))
        {
            return 180;
        }

        if (Heart.Contains(x, y))
        {
            return 45;
        }

        if (leftLung.Contains(x, y) || rightLung.Contains(x, y))
        {
            return -850;
        }

        return BodyInner.Contains(x, y) ? 40 : -100;
    }
}
