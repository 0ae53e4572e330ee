namespace Conformance.Cli.Output;

/// <summary>
/// Progress reported from several threads, printed as one ordered display: each report is numbered and
/// written under a lock, synchronously, so lines never repeat or interleave and every line is out
/// before the operation returns (and so before its summary). <see cref="Progress{T}"/> posts to the
/// thread pool instead, which is what made `store` print lines out of order after its summary.
/// </summary>
internal sealed class OrderedProgress<T>(TextWriter writer, Func<int, T, string> format) : IProgress<T>
{
    private readonly Lock _gate = new();
    private int _reported;

    public int Reported
    {
        get
        {
            lock (_gate)
            {
                return _reported;
            }
        }
    }

    public void Report(T value)
    {
        lock (_gate)
        {
            _reported++;
            writer.WriteLine(format(_reported, value));
        }
    }
}
