using System.CommandLine;
using Conformance.Cli.Hosting;
using Conformance.Cli.Options;
using Conformance.Scp.Storage;

namespace Conformance.Cli.Commands;

/// <summary>`conformance get HOST PORT --called AE --out DIR --model M --level L -k TAG=VALUE...`: C-GET, like DCMTK's getscu.</summary>
internal static class GetCommand
{
    public static Command Create()
    {
        var options = new DimseCommandOptions();
        var output = new Option<string>("--out") { Description = "Directory the received instances are written to (created if missing)", Required = true };
        var command = new Command("get", "Retrieve matching instances on the same association with C-GET");
        options.AddScuTo(command);
        options.AddQueryTo(command);
        command.Options.Add(output);
        command.SetAction(async (result, ct) =>
        {
            var (model, level, identifier) = options.ReadQuery(result);
            var directory = CliPaths.WritableDirectory(result.GetRequiredValue(output), "--out");
            var storage = new DiskInstanceStorage(directory);
            var retrieve = await options.CreateScu(result)
                .GetAsync(model, level, identifier, storage, progress: RetrieveReport.Progress(result.Out()), cancellationToken: ct).ConfigureAwait(false);
            storage.RemoveIncomingDirectoryIfEmpty();
            await result.Out().WriteLineAsync($"received {retrieve.ReceivedLocations.Count} file(s) into {directory}").ConfigureAwait(false);
            return await RetrieveReport.WriteAsync(result.Out(), result.Err(), "C-GET", retrieve).ConfigureAwait(false);
        });
        return command;
    }
}
