namespace Conformance.Reporting.Results;

/// <summary>
/// Merges results files into one. (id, debian_suite) must be unique across the inputs: the same case
/// run twice for the same peers is an error, not something to pick silently.
/// </summary>
public static class ResultsMerger
{
    public static ResultsDocument Merge(IReadOnlyList<ResultsDocument> documents, string producer, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(documents);
        var seen = new Dictionary<(string, string), int>();
        var rows = new List<CaseResult>();
        for (var i = 0; i < documents.Count; i++)
        {
            foreach (var row in documents[i].Results)
            {
                if (seen.TryGetValue((row.Id, row.DebianSuite), out var first))
                {
                    throw new InvalidDataException(
                        $"case {row.Id} with {row.DebianSuite} peers appears in input {first + 1} and input {i + 1}; (id, debian_suite) must be unique");
                }

                seen[(row.Id, row.DebianSuite)] = i;
                rows.Add(row);
            }
        }

        var links = documents.SelectMany(d => d.Links).DistinctBy(l => l.Topology).ToList();
        var machines = documents.Select(d => d.Machine).Where(m => m.Length > 0).Distinct(StringComparer.Ordinal);
        return new ResultsDocument
        {
            Producer = producer,
            GeneratedAt = now,
            Machine = string.Join("; ", machines),
            Links = links,
            Results = rows,
            Notes = documents.SelectMany(d => d.Notes).Distinct(StringComparer.Ordinal).ToList(),
        };
    }
}
