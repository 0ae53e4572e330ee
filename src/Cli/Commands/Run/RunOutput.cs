using System.Runtime.InteropServices;
using Conformance.Reporting.Report;
using Conformance.Reporting.Results;

namespace Conformance.Cli.Commands.Run;

/// <summary>The end of `run`, `report` and `reproduce`: write the four files and print the summary (counts, peer defects, failures, paths).</summary>
internal static class RunOutput
{
    public static string Machine =>
        $"{Environment.MachineName}, {RuntimeInformation.OSDescription}, {Environment.ProcessorCount} cores, .NET {Environment.Version}";

    /// <summary>The document a matrix run writes: its rows and link measurements, this machine, now, and the notes.</summary>
    public static ResultsDocument Document(string producer, Matrix.MatrixRun run, IReadOnlyList<string> notes)
    {
        ArgumentNullException.ThrowIfNull(run);
        return new ResultsDocument
        {
            Producer = producer,
            GeneratedAt = DateTimeOffset.UtcNow,
            Machine = Machine,
            Links = run.Links,
            Results = run.Results,
            Notes = notes,
        };
    }

    public static async Task<RunSummary> WriteAsync(ResultsDocument document, string directory, TextWriter output, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(document);
        var files = await ReportFiles.WriteAsync(document, directory, cancellationToken).ConfigureAwait(false);
        var summary = RunSummary.Of(document);
        await output.WriteLineAsync().ConfigureAwait(false);
        await output.WriteLineAsync($"results: {summary.CountsLine}").ConfigureAwait(false);
        await output.WriteLineAsync(summary.PeerDefectCases.Count == 0 ? "peer defects: none" : $"peer defects ({summary.PeerDefectCases.Count}, not failures of ours):").ConfigureAwait(false);
        foreach (var defect in summary.PeerDefectCases)
        {
            await output.WriteLineAsync($"  {defect.Id} ({defect.DebianSuite}): {defect.Defect ?? defect.Message.Split('\n')[0]}").ConfigureAwait(false);
        }

        foreach (var failure in summary.Failures)
        {
            await output.WriteLineAsync($"FAIL {failure.Id} ({failure.DebianSuite}) [{OutcomeNames.SignatureOf(failure)}]: {failure.Message.Split('\n')[0]}").ConfigureAwait(false);
        }

        foreach (var note in document.Notes)
        {
            await output.WriteLineAsync($"note: {note}").ConfigureAwait(false);
        }

        await output.WriteLineAsync("wrote:").ConfigureAwait(false);
        foreach (var file in files)
        {
            await output.WriteLineAsync($"  {file}").ConfigureAwait(false);
        }

        return summary;
    }
}
