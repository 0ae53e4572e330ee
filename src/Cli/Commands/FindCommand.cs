using System.CommandLine;
using Conformance.Cli.Hosting;
using Conformance.Dicom.Data;

namespace Conformance.Cli.Commands;

/// <summary>`conformance find HOST PORT --called AE --model M --level L -k TAG=VALUE...`: C-FIND, like DCMTK's findscu.</summary>
internal static class FindCommand
{
    public static Command Create()
    {
        var options = new DimseCommandOptions();
        var command = new Command("find", "Query a peer with C-FIND");
        options.AddScuTo(command);
        options.AddQueryTo(command);
        command.SetAction(async (result, ct) =>
        {
            var output = result.Out();
            var (model, level, identifier) = options.ReadQuery(result);
            var query = await options.CreateScu(result).StartFindAsync(model, level, identifier, ct).ConfigureAwait(false);
            await using (query.ConfigureAwait(false))
            {
                await foreach (var match in query.ReadAllAsync(ct).ConfigureAwait(false))
                {
                    await output.WriteLineAsync($"# match {query.Matches}").ConfigureAwait(false);
                    Print(output, match);
                }
            }

            var status = query.FinalStatus;
            await output.WriteLineAsync($"C-FIND: {query.Matches} match(es), final status {status}, {query.Elapsed.TotalMilliseconds:0.0} ms").ConfigureAwait(false);
            if (status is not { } final || final.IsFailure)
            {
                throw new CliException(ExitCodes.Failed, $"C-FIND failed: {status} {query.ErrorComment}");
            }

            return ExitCodes.Success;
        });
        return command;
    }

    private static void Print(TextWriter output, DicomDataset dataset)
    {
        foreach (var element in dataset)
        {
            var value = element is DicomValueElement v && v.VR.IsString ? v.GetString(dataset.CharacterSet) : $"<{element.VR}>";
            output.WriteLine($"{element.Tag} {element.VR} {element.Tag.Keyword ?? "?"} = [{value}]");
        }
    }
}
