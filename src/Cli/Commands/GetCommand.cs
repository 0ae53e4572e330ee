using Conformance.Scp.Storage;
using System.CommandLine;
using Conformance.Dicom.Network.Services.Scu;
using Conformance.Dicom.Network.Services.Storage;

namespace Conformance.Cli.Commands;

/// <summary>`conformance get HOST PORT --called AE --out DIR --model M --level L -k TAG=VALUE...`: C-GET, like DCMTK's getscu.</summary>
internal static class GetCommand
{
    public static Command Create()
    {
        var options = new DimseCommandOptions();
        var output = new Option<string>("--out") { Description = "Directory the received instances are written to", Required = true };
        var command = new Command("get", "Retrieve matching instances on the same association with C-GET");
        options.AddScuTo(command);
        options.AddQueryTo(command);
        command.Options.Add(output);
        command.SetAction((result, ct) => DimseCommandOptions.GuardAsync("C-GET", async () =>
        {
            var (model, level, identifier) = options.ReadQuery(result);
            var directory = result.GetRequiredValue(output);
            var storage = new DiskInstanceStorage(directory);
            var progress = new Progress<RetrieveProgress>(p =>
                Console.WriteLine($"pending: remaining {p.Remaining}, completed {p.Completed}, failed {p.Failed}, warning {p.Warning}"));
            var retrieve = await options.CreateScu(result).GetAsync(model, level, identifier, storage, progress: progress, cancellationToken: ct).ConfigureAwait(false);
            storage.RemoveIncomingDirectoryIfEmpty();
            Console.WriteLine($"received {retrieve.ReceivedLocations.Count} file(s) into {Path.GetFullPath(directory)}");
            return await ReportAsync("C-GET", retrieve).ConfigureAwait(false);
        }));
        return command;
    }

    internal static async Task<int> ReportAsync(string operation, RetrieveResult result)
    {
        Console.WriteLine($"{operation}: final status {result.Status}: completed {result.Completed}, failed {result.Failed}, warning {result.Warning}, " +
                          $"{result.PendingResponses} pending response(s), {result.Elapsed.TotalMilliseconds:0.0} ms");
        foreach (var uid in result.FailedSopInstanceUids)
        {
            await Console.Error.WriteLineAsync($"failed instance: {uid}").ConfigureAwait(false);
        }

        if (!result.Status.IsSuccess)
        {
            await Console.Error.WriteLineAsync($"{operation} did not fully succeed: {result.Status} {result.ErrorComment}").ConfigureAwait(false);
            return DimseCommandOptions.ExitStatus;
        }

        return 0;
    }
}
