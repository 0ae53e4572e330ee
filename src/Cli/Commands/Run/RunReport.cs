namespace Conformance.Cli.Commands.Run;

/// <summary>Prints what `conformance run` ran, what it found, and what it does not cover yet.</summary>
internal static class RunReport
{
    public static async Task WriteAsync(TextWriter writer, IReadOnlyList<RunFileOutcome> outcomes, string workDirectory)
    {
        await writer.WriteLineAsync().ConfigureAwait(false);
        await writer.WriteLineAsync("Results (per modality: objects, files dcmdump read cleanly, round trips byte-identical)").ConfigureAwait(false);
        foreach (var group in outcomes.GroupBy(outcome => outcome.Modality))
        {
            var dumps = group.SelectMany(outcome => outcome.Dumps).ToList();
            var clean = dumps.Count(dump => dump.Problems.Count == 0);
            var identical = group.Count(outcome => outcome.RoundTripIdentical == true);
            var verdict = group.All(outcome => outcome.Passed) ? "PASS" : "FAIL";
            await writer.WriteLineAsync(
                $"  {verdict}  {group.Key,-5} objects {group.Count(),3}   dcmdump clean {clean,3}/{dumps.Count,-3}   round trip identical {identical,3}/{group.Count()}").ConfigureAwait(false);
        }

        var failures = outcomes.Where(outcome => !outcome.Passed).ToList();
        foreach (var failure in failures)
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

            if (failure.RoundTripIdentical == false)
            {
                await writer.WriteLineAsync("  round trip: the file after explicit-le -> implicit-le -> explicit-be -> deflated -> explicit-le differs from the original").ConfigureAwait(false);
            }
        }

        await writer.WriteLineAsync().ConfigureAwait(false);
        await writer.WriteLineAsync(failures.Count == 0
            ? $"ALL PASSED: {outcomes.Count} objects, {outcomes.Sum(o => o.Dumps.Count)} files read by dcmdump without warnings or errors."
            : $"FAILED: {failures.Count} of {outcomes.Count} objects had problems (details above).").ConfigureAwait(false);
        await writer.WriteLineAsync($"Files are in {workDirectory}.").ConfigureAwait(false);
        await writer.WriteLineAsync().ConfigureAwait(false);
        await writer.WriteLineAsync("NOT PART OF THIS RUN YET: the interop matrix (our SCU/SCP against DCMTK, GDCM and Orthanc").ConfigureAwait(false);
        await writer.WriteLineAsync("on loopback, Docker bridges and a routed second host) and its timing budgets. This run covers").ConfigureAwait(false);
        await writer.WriteLineAsync("only the data layer: generation, conversion between uncompressed syntaxes, and DCMTK reading the files.").ConfigureAwait(false);
    }
}
