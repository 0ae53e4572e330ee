using Conformance.Dicom.Generation;

namespace Conformance.Cli.Commands.Run;

/// <summary>
/// The part of `conformance run` that exists today: generate objects of every modality, convert each
/// through every uncompressed syntax and back, and have DCMTK's dcmdump read every file on the way.
/// </summary>
internal sealed class DataLayerRun(string workDirectory, int count, long seed, string dcmdump)
{
    public async Task<IReadOnlyList<RunFileOutcome>> ExecuteAsync(TextWriter progress, CancellationToken cancellationToken)
    {
        var outcomes = new List<RunFileOutcome>();
        foreach (var modality in Enum.GetValues<GeneratedModality>())
        {
            var generated = Path.Combine(workDirectory, "generated", modality.ToString());
            var options = new GenerationOptions { Modality = modality, Count = count, Seed = seed };
            var files = await TestDataGenerator.WriteFilesAsync(options, generated, cancellationToken).ConfigureAwait(false);
            await progress.WriteLineAsync($"  {modality}: generated {files.Count} file(s) in {generated}").ConfigureAwait(false);
            foreach (var file in files)
            {
                outcomes.Add(await CheckAsync(modality.ToString(), file, cancellationToken).ConfigureAwait(false));
            }
        }

        return outcomes;
    }

    private async Task<RunFileOutcome> CheckAsync(string modality, string original, CancellationToken cancellationToken)
    {
        var outcome = new RunFileOutcome(modality, original);
        outcome.Dumps.Add((original, await DcmdumpCheck.ProblemsAsync(dcmdump, original, cancellationToken).ConfigureAwait(false)));
        var converted = Path.Combine(workDirectory, "converted", modality);
        Directory.CreateDirectory(converted);
        var stem = Path.GetFileNameWithoutExtension(original);
        var previous = original;

        // explicit-le (the generator's syntax) -> implicit-le -> explicit-be -> deflated -> explicit-le.
        var chain = UncompressedSyntaxes.ByName.Skip(1).Append(UncompressedSyntaxes.ByName[0]).ToList();
        for (var step = 0; step < chain.Count; step++)
        {
            var (name, uid) = chain[step];
            var next = Path.Combine(converted, $"{stem}.{step + 1}.{name}.dcm");
            try
            {
                await SyntaxConverter.ConvertFileAsync(previous, next, uid, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                outcome.ConversionFailures.Add($"{Path.GetFileName(previous)} -> {name}: {e.GetType().Name}: {e.Message}");
                return outcome;
            }

            outcome.Dumps.Add((next, await DcmdumpCheck.ProblemsAsync(dcmdump, next, cancellationToken).ConfigureAwait(false)));
            previous = next;
        }

        outcome.RoundTripIdentical = await SameBytesAsync(original, previous, cancellationToken).ConfigureAwait(false);
        return outcome;
    }

    private static async Task<bool> SameBytesAsync(string a, string b, CancellationToken cancellationToken)
    {
        var first = await File.ReadAllBytesAsync(a, cancellationToken).ConfigureAwait(false);
        var second = await File.ReadAllBytesAsync(b, cancellationToken).ConfigureAwait(false);
        return first.AsSpan().SequenceEqual(second);
    }
}
