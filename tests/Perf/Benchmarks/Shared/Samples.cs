namespace Conformance.Benchmarks.Shared;

/// <summary>Order statistics of a set of measurements; percentiles are the suite's one definition (<see cref="Budgets.Percentile"/>, nearest rank).</summary>
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

    /// <summary>The <paramref name="p"/>-th percentile (0-100), nearest rank; NaN when empty.</summary>
    public double Percentile(double p) => Count == 0 ? double.NaN : Budgets.Percentile.NearestRank(_sorted, p / 100.0);
}
