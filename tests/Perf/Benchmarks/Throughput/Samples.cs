namespace Conformance.Benchmarks.Throughput;

/// <summary>Order statistics of a set of measurements (linear interpolation between ranks).</summary>
public sealed class Samples
{
    private readonly double[] _sorted;

    public Samples(IEnumerable<double> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        _sorted = [.. values.Order()];
    }

    public int Count => _sorted.Length;

    public double Min => Count == 0 ? double.NaN : _sorted[0];

    public double Max => Count == 0 ? double.NaN : _sorted[^1];

    public double Median => Percentile(50);

    public double Mean => Count == 0 ? double.NaN : _sorted.Average();

    public double Percentile(double p)
    {
        if (Count == 0)
        {
            return double.NaN;
        }

        var rank = p / 100.0 * (Count - 1);
        var low = (int)Math.Floor(rank);
        var high = Math.Min(low + 1, Count - 1);
        return _sorted[low] + ((rank - low) * (_sorted[high] - _sorted[low]));
    }
}
