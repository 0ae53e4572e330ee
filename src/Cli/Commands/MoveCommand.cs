using System.CommandLine;
using Conformance.Cli.Hosting;
using Conformance.Cli.Options;

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
        command.SetAction(async (result, ct) =>
        {
            var (model, level, identifier) = options.ReadQuery(result);
            var dest = AeTitles.Check(result.GetRequiredValue(destination), "--dest");
            var retrieve = await options.CreateScu(result)
                .MoveAsync(model, level, identifier, dest, RetrieveReport.Progress(result.Out()), ct).ConfigureAwait(false);
            return await RetrieveReport.WriteAsync(result.Out(), result.Err(), "C-MOVE", retrieve).ConfigureAwait(false);
        });
        return command;
    }
}
