using System.CommandLine;
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
        var output = new Argument<FileInfo>("OUT") { Description = "File to write" };
        var syntax = new Option<string>("--ts") { Description = "Target transfer syntax", Required = true };
        syntax.AcceptOnlyFromAmong([.. UncompressedSyntaxes.Names]);

        var command = new Command("convert", "Convert a DICOM file to another uncompressed transfer syntax") { input, output, syntax };
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var source = parseResult.GetValue(input)!;
            var target = parseResult.GetValue(output)!;
            var targetUid = UncompressedSyntaxes.UidOf(parseResult.GetValue(syntax)!);
            try
            {
                var result = await SyntaxConverter.ConvertFileAsync(source.FullName, target.FullName, targetUid, cancellationToken).ConfigureAwait(false);
                Console.WriteLine(result.Describe());
                return 0;
            }
            catch (Exception e) when (e is DicomFormatException or DicomDataException or IOException or InvalidDataException or NotSupportedException or UnauthorizedAccessException)
            {
                await Console.Error.WriteLineAsync($"convert: {source.FullName}: {e.Message}").ConfigureAwait(false);
                return 1;
            }
        });
        return command;
    }
}
