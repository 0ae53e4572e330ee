using System.CommandLine;
using Conformance.Dicom.Network.Services.Storage;

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
        command.SetAction((result, ct) => DimseCommandOptions.GuardAsync("C-STORE", async () =>
        {
            var files = Expand(result.GetRequiredValue(paths), out var missing);
            if (missing.Count > 0)
            {
                await Console.Error.WriteLineAsync($"Not found: {string.Join(", ", missing)}").ConfigureAwait(false);
                return DimseCommandOptions.ExitUsage;
            }

            var total = files.Count;
            var done = 0;
            var progress = new Progress<StoreOutcome>(o =>
            {
                done++;
                var what = o.Succeeded ? o.Status.ToString() : $"FAILED {o.Status} {o.Error}";
                Console.WriteLine($"[{done}/{total}] {o.SopInstanceUid} {what}{(o.Transcoded ? " (transcoded)" : "")}");
            });
            var storeResult = await options.CreateScu(result).StoreFilesAsync(files, progress, ct).ConfigureAwait(false);
            var s = storeResult.Statistics;
            Console.WriteLine($"C-STORE: {storeResult.Succeeded} of {storeResult.Outcomes.Count} stored on {s.Associations} association(s) in {s.Elapsed.TotalMilliseconds:0.0} ms; " +
                              $"sent {s.PdusSent} PDUs / {s.BytesSent} bytes");
            foreach (var failure in storeResult.Outcomes.Where(o => !o.Succeeded))
            {
                await Console.Error.WriteLineAsync($"failed: {failure.Description}: {failure.Status} {failure.Error}").ConfigureAwait(false);
            }

            return storeResult.AllSucceeded ? 0 : DimseCommandOptions.ExitStatus;
        }));
        return command;
    }

    private static List<string> Expand(IEnumerable<string> paths, out List<string> missing)
    {
        missing = [];
        var files = new List<string>();
        foreach (var path in paths)
        {
            if (Directory.Exists(path))
            {
                files.AddRange(Directory.EnumerateFiles(path, "*", SearchOption.AllDirectories).Where(IsPart10).Order(StringComparer.Ordinal));
            }
            else if (File.Exists(path))
            {
                files.Add(path);
            }
            else
            {
                missing.Add(path);
            }
        }

        return files;
    }

    // In directories only Part 10 files (DICM at offset 128) are sent; other files are skipped.
    private static bool IsPart10(string path)
    {
        try
        {
            using var stream = File.OpenRead(path);
            Span<byte> head = stackalloc byte[132];
            return stream.ReadAtLeast(head, 132, throwOnEndOfStream: false) == 132 && head[128..].SequenceEqual("DICM"u8);
        }
        catch (IOException)
        {
            return false;
        }
    }
}
