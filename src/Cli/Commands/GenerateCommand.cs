using System.CommandLine;
using Conformance.Generation;

namespace Conformance.Cli.Commands;

/// <summary>`conformance generate`: deterministic test objects (see docs/data-tools.md).</summary>
internal static class GenerateCommand
{
    public static Command Create()
    {
        var modality = new Option<GeneratedModality>("--modality")
        {
            Description = "CT, MR, US (multi-frame), SC (RGB secondary capture) or RICH (sequences, private tags, UTF-8 names)",
            Required = true,
        };
        var count = new Option<int>("--count") { Description = "Instances per series", DefaultValueFactory = _ => 1 };
        var output = new Option<DirectoryInfo>("--out") { Description = "Directory to write the files to (created if missing)", Required = true };
        var seed = new Option<long>("--seed") { Description = "Seed: the same seed and options give the same bytes", DefaultValueFactory = _ => 1 };
        var patients = new Option<int>("--patients") { Description = "Number of patients", DefaultValueFactory = _ => 1 };
        var studies = new Option<int>("--studies-per-patient") { Description = "Studies per patient", DefaultValueFactory = _ => 1 };
        var series = new Option<int>("--series-per-study") { Description = "Series per study", DefaultValueFactory = _ => 1 };
        var frames = new Option<int?>("--frames") { Description = $"Frames per US object (default {ModalityTemplates.DefaultUltrasoundFrames})" };
        var syntax = new Option<string>("--ts") { Description = "Transfer syntax of the files", DefaultValueFactory = _ => "explicit-le" };
        syntax.AcceptOnlyFromAmong([.. UncompressedSyntaxes.Names]);

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
                await Console.Error.WriteLineAsync($"generate: {e.Message}").ConfigureAwait(false);
                return 2;
            }

            var directory = parseResult.GetValue(output)!;
            IReadOnlyList<string> written;
            try
            {
                written = await TestDataGenerator.WriteFilesAsync(options, directory.FullName, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                await Console.Error.WriteLineAsync($"generate: cannot write to {directory.FullName}: {e.Message}").ConfigureAwait(false);
                return 1;
            }

            var template = ModalityTemplates.For(options.Modality);
            Console.WriteLine(
                $"generated {written.Count} {options.Modality} file(s) ({template.SopClassName}) in {directory.FullName}: " +
                $"{options.Patients} patient(s) x {options.StudiesPerPatient} study(ies) x {options.SeriesPerStudy} series x {options.Count} instance(s), seed {options.Seed}");
            return 0;
        });
        return command;
    }
}
