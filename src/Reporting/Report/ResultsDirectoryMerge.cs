using Conformance.Reporting.Results;

namespace Conformance.Reporting.Report;

/// <summary>
/// `conformance report DIR`: reads the per-assembly files dotnet test writes (results.*.json, see
/// docs/results.md), and in CI the ones downloaded from each job (searched below DIR), and merges them.
/// </summary>
public static class ResultsDirectoryMerge
{
    /// <summary>results.&lt;something&gt;.json below <paramref name="directory"/>, in path order; never the merged results.json.</summary>
    public static IReadOnlyList<string> FindInputs(string directory) =>
        [.. Directory.EnumerateFiles(directory, "results.*.json", SearchOption.AllDirectories)
            .Where(path => !string.Equals(Path.GetFileName(path), ReportFiles.Results, StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)];

    public static async Task<ResultsDocument> MergeAsync(IReadOnlyList<string> inputs, string producer, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        var documents = new List<ResultsDocument>();
        foreach (var input in inputs)
        {
            documents.Add(await ResultsJson.ReadAsync(input, cancellationToken).ConfigureAwait(false));
        }

        return ResultsMerger.Merge(documents, producer, now);
    }
}
