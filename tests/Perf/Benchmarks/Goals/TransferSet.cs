namespace Conformance.Benchmarks.Goals;

/// <summary>Part 10 files alone in one directory (so <c>conformance store DIR</c> and <c>raw-send DIR</c> take exactly them).</summary>
public sealed record TransferSet(string Name, string Directory, IReadOnlyList<string> Files)
{
    public int Count => Files.Count;

    public long Bytes => Files.Sum(f => new FileInfo(f).Length);

    /// <summary>The first <paramref name="count"/> files, for storescu (which is given files, not the directory).</summary>
    public TransferSet Take(int count) => count >= Count ? this : this with { Name = $"{Name}-{count}", Files = [.. Files.Take(count)] };
}
