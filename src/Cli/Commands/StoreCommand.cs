using System.CommandLine;
using Conformance.Cli.Hosting;
using Conformance.Cli.Output;
using Conformance.Dicom.Network.Services.Store;

namespace Conformance.Cli.Commands;

/// <summary>`conformance store HOST PORT --called AE FILE|DIR...`: C-STORE, like DCMTK's storescu.</summary>
internal static class StoreCommand
{
    public static Command Create()
    {
        var options = new DimseCommandOptions();
        var paths = new Argument<string[]>("paths") { Description = "DICOM files or directories (searched recursively)", Arity = ArgumentArity.OneOrMore };
        var command = new Command("store", "Send DICOM files with C-STORE");
        options.AddScuTo(command);
        command.Arguments.Add(paths);
        command.SetAction(async (result, ct) =>
        {
            var files = StoreFileList.Expand(result.GetRequiredValue(paths));
            var output = result.Out();
            var total = files.Count;
            var progress = new OrderedProgress<StoreOutcome>(output, (done, o) =>
            {
                var what = o.Succeeded ? o.Status.ToString() : $"FAILED {o.Status} {o.Error}";
                return $"[{done}/{total}] {o.SopInstanceUid} {what}{(o.Transcoded ? " (transcoded)" : "")}";
            });
            var storeResult = await options.CreateScu(result).StoreFilesAsync(files, progress, ct).ConfigureAwait(false);
            var s = storeResult.Statistics;
            await output.WriteLineAsync($"C-STORE: {storeResult.Succeeded} of {storeResult.Outcomes.Count} stored on {s.Associations} association(s) in {s.Elapsed.TotalMilliseconds:0.0} ms; " +
                                        $"sent {s.PdusSent} PDUs / {s.BytesSent} bytes").ConfigureAwait(false);
            foreach (var failure in storeResult.Outcomes.Where(o => !o.Succeeded))
            {
                await result.Err().WriteLineAsync($"failed: {failure.Description}: {failure.Status} {failure.Error}").ConfigureAwait(false);
            }

            return storeResult.AllSucceeded ? ExitCodes.Success : ExitCodes.Failed;
        });
        return command;
    }
}
