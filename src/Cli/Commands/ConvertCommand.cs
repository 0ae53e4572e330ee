using System.CommandLine;
using Conformance.Cli.Hosting;
using Conformance.Cli.Options;
using Conformance.Dicom.Data;
using Conformance.Generation;

namespace Conformance.Cli.Commands;

/// <summary>`conformance convert IN OUT --ts ...`: what dcmconv does for the uncompressed syntaxes.</summary>
internal static class ConvertCommand
{
    public static Command Create()
    {
        var input = new Argument<FileInfo>("IN") { Description = "DICOM file (PS3.10) to read" };
        input.AcceptExistingOnly();
        var output = new Argument<FileInfo>("OUT") { Description = "File to write (its directory must exist)" };
        var syntax = CliOptions.Choice("--ts", "Target transfer syntax", UncompressedSyntaxes.Names.Select(n => (n, n)).ToList(), "", required: true);

        var command = new Command("convert", "Convert a DICOM file to another uncompressed transfer syntax") { input, output, syntax };
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var source = parseResult.GetValue(input)!;
            var target = CliPaths.WithExistingParent(parseResult.GetValue(output)!.FullName, "OUT");
            var targetUid = UncompressedSyntaxes.UidOf(parseResult.GetValue(syntax)!);
            try
            {
                var result = await SyntaxConverter.ConvertFileAsync(source.FullName, target, targetUid, cancellationToken).ConfigureAwait(false);
                await parseResult.Out().WriteLineAsync(result.Describe()).ConfigureAwait(false);
                return ExitCodes.Success;
            }
            catch (Exception e) when (e is DicomFormatException or DicomDataException or InvalidDataException or NotSupportedException)
            {
                throw new CliException(ExitCodes.Failed, $"{source.FullName}: {e.Message}");
            }
        });
        return command;
    }
}
