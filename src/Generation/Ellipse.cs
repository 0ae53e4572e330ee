namespace Conformance.Generation;

/// <summary>An axis-aligned ellipse in normalised image coordinates (-1..1 across the image).</summary>
internal readonly record struct Ellipse(double CenterX, double CenterY, double RadiusX, double RadiusY)
{
    public bool Contains(double x, double y)
    {
        var dx = (x - CenterX) / RadiusX;
        var dy = (y - CenterY) / RadiusY;
        return (dx * dx) + (dy * dy) <= 1.0;
    }
}
