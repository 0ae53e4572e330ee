using System.CommandLine;
using Conformance.Dicom.Network.Services.Scu;

namespace Conformance.Cli.Commands;

/// <summary>`conformance move HOST PORT --called AE --dest AE --model M --level L -k TAG=VALUE...`: C-MOVE, like DCMTK's movescu.</summary>
internal static class MoveCommand
{
    public static Command Create()
    {
        var options = new DimseCommandOptions();
        var destination = new Option<string>("--dest") { Description = "Move destination AE title (known to the peer)", Required = true };
        var command = new Command("move", "Ask a peer to send matching instances to a destination with C-MOVE");
        options.AddScuTo(command);
        options.AddQueryTo(command);
        command.Options.Add(destination);
        command.SetAction((result, ct) => DimseCommandOptions.GuardAsync("C-MOVE", async () =>
        {
            var (model, level, identifier) = options.ReadQuery(result);
            var progress = new Progress<RetrieveProgress>(p =>
                Console.WriteLine($"pending: remaining {p.Remaining}, completed {p.Completed}, failed {p.Failed}, warning {p.Warning}"));
            var retrieve = await options.CreateScu(result)
                .MoveAsync(model, level, identifier, result.GetRequiredValue(destination), progress, ct).ConfigureAwait(false);
            return await GetCommand.ReportAsync("C-MOVE", retrieve).ConfigureAwait(false);
        }));
        return command;
    }
}
