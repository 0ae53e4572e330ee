using System.CommandLine;
using Conformance.Cli.Hosting;
using Conformance.Cli.Options;
using Conformance.Generation;

namespace Conformance.Cli.Commands;

/// <summary>`conformance generate`: deterministic test objects (see docs/data-tools.md).</summary>
internal static class GenerateCommand
{
    private static readonly Dictionary<string, string> OptionOfParameter = new(StringComparer.Ordinal)
    {
        ["Count"] = "--count",
        ["Patients"] = "--patients",
        ["StudiesPerPatient"] = "--studies-per-patient",
        ["SeriesPerStudy"] = "--series-per-study",
        ["Frames"] = "--frames",
        ["TransferSyntaxUid"] = "--ts",
    };

    public static Command Create()
    {
        var modality = CliOptions.EnumChoice("--modality", "CT, MR, US (multi-frame), SC (RGB secondary capture) or RICH (sequences, private tags, UTF-8 names)", GeneratedModality.CT, required: true);
        var count = CliOptions.Integer("--count", "Instances per series", 1, 0);
        var output = new Option<string>("--out") { Description = "Directory to write the files to (created if missing)", Required = true };
        var seed = CliOptions.Long("--seed", "Seed: the same seed and options give the same bytes", 1);
        var patients = CliOptions.Integer("--patients", "Number of patients", 1, 0);
        var studies = CliOptions.Integer("--studies-per-patient", "Studies per patient", 1, 0);
        var series = CliOptions.Integer("--series-per-study", "Series per study", 1, 0);
        var frames = new Option<int?>("--frames")
        {
            Description = $"Frames per US object (default {ModalityTemplates.DefaultUltrasoundFrames})",
            CustomParser = result => ValueParsers.Integer(result, "--frames", 0, int.MaxValue, 0),
        };
        var syntax = CliOptions.Choice("--ts", "Transfer syntax of the files", UncompressedSyntaxes.Names.Select(n => (n, n)).ToList(), "explicit-le");

        var command = new Command("generate", "Generate deterministic DICOM test objects")
        {
            modality, count, output, seed, patients, studies, series, frames, syntax,
        };
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var options = new GenerationOptions
            {
                Modality = parseResult.GetValue(modality),
                Count = parseResult.GetValue(count),
                Seed = parseResult.GetValue(seed),
                Patients = parseResult.GetValue(patients),
                StudiesPerPatient = parseResult.GetValue(studies),
                SeriesPerStudy = parseResult.GetValue(series),
                Frames = parseResult.GetValue(frames),
                TransferSyntaxUid = UncompressedSyntaxes.UidOf(parseResult.GetValue(syntax)!),
            };
            try
            {
                options.Validate();
            }
            catch (ArgumentException e)
            {
                var option = e.ParamName is { } name && OptionOfParameter.TryGetValue(name, out var o) ? o + ": " : "";
                throw CliException.Usage(option + e.Message.Replace($" (Parameter '{e.ParamName}')", "", StringComparison.Ordinal));
            }

            var directory = CliPaths.WritableDirectory(parseResult.GetRequiredValue(output), "--out");
            var written = await TestDataGenerator.WriteFilesAsync(options, directory, cancellationToken).ConfigureAwait(false);
            var template = ModalityTemplates.For(options.Modality);
            await parseResult.Out().WriteLineAsync(
                $"generated {written.Count} {options.Modality} file(s) ({template.SopClassName}) in {directory}: " +
                $"{options.Patients} patient(s) x {options.StudiesPerPatient} study(ies) x {options.SeriesPerStudy} series x {options.Count} instance(s), seed {options.Seed}").ConfigureAwait(false);
            return ExitCodes.Success;
        });
        return command;
    }
}
