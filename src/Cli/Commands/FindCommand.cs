using System.CommandLine;
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
        command.SetAction((result, ct) => DimseCommandOptions.GuardAsync("C-FIND", async () =>
        {
            var (model, level, identifier) = options.ReadQuery(result);
            var query = await options.CreateScu(result).StartFindAsync(model, level, identifier, ct).ConfigureAwait(false);
            await using (query.ConfigureAwait(false))
            {
                await foreach (var match in query.ReadAllAsync(ct).ConfigureAwait(false))
                {
                    Console.WriteLine($"# match {query.Matches}");
                    Print(match);
                }
            }

            var status = query.FinalStatus;
            Console.WriteLine($"C-FIND: {query.Matches} match(es), final status {status}, {query.Elapsed.TotalMilliseconds:0.0} ms");
            if (status is not { } final || final.IsFailure)
            {
                await Console.Error.WriteLineAsync($"C-FIND failed: {status} {query.ErrorComment}").ConfigureAwait(false);
                return DimseCommandOptions.ExitStatus;
            }

            return 0;
        }));
        return command;
    }

    internal static void Print(DicomDataset dataset)
    {
        foreach (var element in dataset)
        {
            var value = element is DicomValueElement v && v.VR.IsString ? v.GetString(dataset.CharacterSet) : $"<{element.VR}>";
            Console.WriteLine($"{element.Tag} {element.VR} {element.Tag.Keyword ?? "?"} = [{value}]");
        }
    }
}
