using Conformance.Dicom.Data;
using Conformance.Generation;
using Conformance.Dicom.IO;

namespace Conformance.Cli.Commands.Run;

/// <summary>
/// The part of `conformance run` that exists today: generate objects of every modality, convert each
/// through every uncompressed syntax and back, and have DCMTK's dcmdump read every file on the way.
/// </summary>
internal sealed class DataLayerRun(string workDirectory, int count, long seed, string dcmdump)
{
    /// <summary>explicit-le original -> implicit-le -> explicit-be -> deflated -> implicit-le -> explicit-le.</summary>
    public static IReadOnlyList<string> Chain { get; } = ["implicit-le", "explicit-be", "deflated", "implicit-le", "explicit-le"];

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
        var steps = new List<string> { original };
        for (var step = 0; step < Chain.Count; step++)
        {
            var next = Path.Combine(converted, $"{stem}.{step + 1}.{Chain[step]}.dcm");
            try
            {
                await SyntaxConverter.ConvertFileAsync(steps[^1], next, UncompressedSyntaxes.UidOf(Chain[step]), cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                outcome.ConversionFailures.Add($"{Path.GetFileName(steps[^1])} -> {Chain[step]}: {e.GetType().Name}: {e.Message}");
                return outcome;
            }

            outcome.Dumps.Add((next, await DcmdumpCheck.ProblemsAsync(dcmdump, next, cancellationToken).ConfigureAwait(false)));
            steps.Add(next);
        }

        outcome.CycleIdentical = await SameBytesAsync(steps[1], steps[4], cancellationToken).ConfigureAwait(false);
        outcome.BackToOriginalBytes = await SameBytesAsync(original, steps[5], cancellationToken).ConfigureAwait(false);
        var originalFile = DicomFile.Open(original);
        foreach (var difference in DatasetComparer.Compare(originalFile.Dataset, DicomFile.Open(steps[5]).Dataset))
        {
            (IsExplainedByImplicitVr(difference, originalFile.Dataset) ? outcome.ImplicitVrChanges : outcome.ContentDifferences).Add(difference.ToString());
        }

        return outcome;
    }

    /// <summary>Implicit VR carries no VR: 8-bit Pixel Data returns as OW (PS3.5 A.1), private elements as UN.</summary>
    private static bool IsExplainedByImplicitVr(DatasetDifference difference, DicomDataset original)
    {
        if (difference.Kind != DatasetDifferenceKind.ValueRepresentation)
        {
            return false;
        }

        var tag = DicomTag.Parse(difference.Path.Split('.')[^1].Split('[')[0]);
        return (tag == DicomTags.PixelData && difference.Detail == "OB vs OW" && original.GetUInt16(DicomTags.BitsAllocated) <= 8)
            || (tag.IsPrivateData && difference.Detail.EndsWith("vs UN", StringComparison.Ordinal));
    }

    private static async Task<bool> SameBytesAsync(string a, string b, CancellationToken cancellationToken)
    {
        const int chunk = 1024 * 1024;
        var first = File.OpenRead(a);
        await using (first.ConfigureAwait(false))
        {
            var second = File.OpenRead(b);
            await using (second.ConfigureAwait(false))
            {
                if (first.Length != second.Length)
                {
                    return false;
                }

                var x = new byte[chunk];
                var y = new byte[chunk];
                int n;
                while ((n = await first.ReadAsync(x, cancellationToken).ConfigureAwait(false)) > 0)
                {
                    await second.ReadExactlyAsync(y.AsMemory(0, n), cancellationToken).ConfigureAwait(false);
                    if (!x.AsSpan(0, n).SequenceEqual(y.AsSpan(0, n)))
                    {
                        return false;
                    }
                }

                return true;
            }
        }
    }
}
