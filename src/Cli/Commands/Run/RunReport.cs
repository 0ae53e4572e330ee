namespace Conformance.Cli.Commands.Run;

/// <summary>Prints what `conformance run` ran, what it found, and what it does not cover yet.</summary>
internal static class RunReport
{
    public static async Task WriteAsync(TextWriter writer, IReadOnlyList<RunFileOutcome> outcomes, string workDirectory)
    {
        await writer.WriteLineAsync().ConfigureAwait(false);
        await writer.WriteLineAsync("Results per modality").ConfigureAwait(false);
        await writer.WriteLineAsync("  (dcmdump clean: files DCMTK read without warning or error; cycle: implicit -> BE -> deflated -> implicit gave").ConfigureAwait(false);
        await writer.WriteLineAsync("   the same bytes; back to original: the final explicit-le file is byte-identical to the generated one)").ConfigureAwait(false);
        foreach (var group in outcomes.GroupBy(outcome => outcome.Modality))
        {
            var dumps = group.SelectMany(outcome => outcome.Dumps).ToList();
            var clean = dumps.Count(dump => dump.Problems.Count == 0);
            var cycle = group.Count(outcome => outcome.CycleIdentical == true);
            var original = group.Count(outcome => outcome.BackToOriginalBytes == true);
            var verdict = group.All(outcome => outcome.Passed) ? "PASS" : "FAIL";
            await writer.WriteLineAsync(
                $"  {verdict}  {group.Key,-5} objects {group.Count(),3}   dcmdump clean {clean,3}/{dumps.Count,-3}   cycle identical {cycle,3}/{group.Count()}   back to original bytes {original,3}/{group.Count()}").ConfigureAwait(false);
            var notes = group.SelectMany(outcome => outcome.ImplicitVrChanges).Select(Describe).Distinct().ToList();
            if (notes.Count > 0)
            {
                await writer.WriteLineAsync($"        expected, as dcmconv does: implicit VR carries no VR, so {string.Join("; ", notes)}").ConfigureAwait(false);
            }
        }

        var failures = outcomes.Where(outcome => !outcome.Passed).ToList();
        foreach (var failure in failures)
        {
            await WriteFailureAsync(writer, failure).ConfigureAwait(false);
        }

        await writer.WriteLineAsync().ConfigureAwait(false);
        await writer.WriteLineAsync(failures.Count == 0
            ? $"ALL PASSED: {outcomes.Count} objects, {outcomes.Sum(o => o.Dumps.Count)} files read by dcmdump without warnings or errors."
            : $"FAILED: {failures.Count} of {outcomes.Count} objects had problems (details above).").ConfigureAwait(false);
        await writer.WriteLineAsync($"Files are in {workDirectory}.").ConfigureAwait(false);
    }

    /// <summary>One line for the report's notes: what the data-layer check found.</summary>
    public static string Note(IReadOnlyList<RunFileOutcome> outcomes) =>
        outcomes.All(o => o.Passed)
            ? $"data-layer check passed: {outcomes.Count} generated objects converted through every uncompressed syntax, {outcomes.Sum(o => o.Dumps.Count)} files read by dcmdump without warnings or errors"
            : $"data-layer check FAILED for {outcomes.Count(o => !o.Passed)} of {outcomes.Count} objects (details in the console output of run)";

    private static async Task WriteFailureAsync(TextWriter writer, RunFileOutcome failure)
    {
        await writer.WriteLineAsync($"\nFAIL {failure.Source}").ConfigureAwait(false);
        foreach (var message in failure.ConversionFailures)
        {
            await writer.WriteLineAsync($"  conversion: {message}").ConfigureAwait(false);
        }

        foreach (var (file, problems) in failure.Dumps.Where(dump => dump.Problems.Count > 0))
        {
            foreach (var problem in problems.Take(10))
            {
                await writer.WriteLineAsync($"  dcmdump {Path.GetFileName(file)}: {problem}").ConfigureAwait(false);
            }
        }

        if (failure.CycleIdentical == false)
        {
            await writer.WriteLineAsync("  cycle: implicit-le -> explicit-be -> deflated -> implicit-le did not give the same bytes").ConfigureAwait(false);
        }

        foreach (var difference in failure.ContentDifferences.Take(20))
        {
            await writer.WriteLineAsync($"  differs from the original after the chain: {difference}").ConfigureAwait(false);
        }
    }

    /// <summary>"(7fe0,0010): ValueRepresentation: OB vs OW" -> "(7fe0,0010) OB -> OW".</summary>
    private static string Describe(string difference)
    {
        var parts = difference.Split(": ");
        var tag = parts[0];
        var isPrivate = tag.Length >= 6 && Convert.ToInt32(tag.Substring(1, 4), 16) % 2 == 1;
        return isPrivate ? $"private elements become UN" : $"{tag} {parts[^1].Replace(" vs ", " -> ", StringComparison.Ordinal)}";
    }
}
