using Conformance.Scp.Storage;
using System.CommandLine;
using Conformance.Dicom.Network.Services.Storage;
using Conformance.Dicom.Network.Transport;
using Conformance.Scp;

namespace Conformance.Cli.Commands;

/// <summary>`conformance scp --port N --ae AE --storage DIR|memory|discard [--move-dest AE=HOST:PORT]... [--durable]`: our SCP.</summary>
internal static class ScpCommand
{
    public static Command Create()
    {
        var port = new Option<int>("--port") { Description = "TCP port to listen on (0 = any free port, printed)", Required = true };
        var ae = new Option<string>("--ae") { Description = "Our AE title (called AE we answer to)", DefaultValueFactory = _ => "CONFORMANCE" };
        var storage = new Option<string>("--storage") { Description = "Directory, 'memory' or 'discard'", Required = true };
        var index = new Option<string?>("--index") { Description = "SQLite index file (default: index.sqlite in the storage directory; in memory otherwise)" };
        var moveDestinations = new Option<string[]>("--move-dest") { Description = "Known move destination AE=HOST:PORT (repeatable)" };
        var storageSopClasses = new Option<string[]>("--storage-sop-class") { Description = "Accept this private SOP class UID for storage too (repeatable)" };
        var durable = new Option<bool>("--durable") { Description = "fsync each file before answering Success" };
        var maxAssociations = new Option<int>("--max-associations") { Description = "Concurrent associations (0 = unlimited)", DefaultValueFactory = _ => 32 };
        var bind = new Option<string>("--bind") { Description = "Address to listen on", DefaultValueFactory = _ => "127.0.0.1" };
        var quiet = new Option<bool>("--quiet") { Description = "Do not log each association event" };
        var onePdvPerPdu = new Option<bool>("--one-pdv-per-pdu") { Description = "One PDV per PDU, header and data written apart (ConnectionOptions.SplitPduWrites)" };
        var command = new Command("scp", "Run our storage + query/retrieve SCP until interrupted")
        {
            port, ae, storage, index, moveDestinations, storageSopClasses, durable, maxAssociations, bind, quiet, onePdvPerPdu,
        };
        command.SetAction(async (result, ct) =>
        {
            DicomServerOptions options;
            try
            {
                var storageText = result.GetRequiredValue(storage);
                IInstanceStorage area = storageText switch
                {
                    "memory" => new MemoryInstanceStorage(),
                    "discard" => new DiscardInstanceStorage(),
                    _ => new DiskInstanceStorage(storageText),
                };
                var indexPath = result.GetValue(index) ?? (area is DiskInstanceStorage ? Path.Combine(storageText, "index.sqlite") : null);
                options = new DicomServerOptions
                {
                    AeTitle = result.GetValue(ae) ?? "CONFORMANCE",
                    Port = result.GetRequiredValue(port),
                    BindAddress = System.Net.IPAddress.Parse(result.GetValue(bind) ?? "127.0.0.1"),
                    Storage = area,
                    IndexPath = indexPath,
                    MoveDestinations = (result.GetValue(moveDestinations) ?? []).Select(MoveDestination.Parse).ToList(),
                    PrivateStorageSopClasses = result.GetValue(storageSopClasses) ?? [],
                    Durable = result.GetValue(durable),
                    MaxAssociations = result.GetValue(maxAssociations),
                    Log = result.GetValue(quiet) ? null : line => Console.WriteLine(line),
                    Connection = ConnectionOptions.Default with { SplitPduWrites = result.GetValue(onePdvPerPdu) },
                };
            }
            catch (Exception ex) when (ex is FormatException or IOException or UnauthorizedAccessException)
            {
                await Console.Error.WriteLineAsync($"scp: {ex.Message}").ConfigureAwait(false);
                return DimseCommandOptions.ExitUsage;
            }

            try
            {
                var server = await DicomServer.StartAsync(options, ct).ConfigureAwait(false);
                await using (server.ConfigureAwait(false))
                {
                    server.InstanceStored += i => options.Log?.Invoke($"stored {i.Request.AffectedSopInstanceUid} from {i.CallingAe} ({i.DataLength} bytes)");
                    Console.WriteLine($"SCP {options.AeTitle} listening on port {server.Port}; Ctrl+C to stop");
                    await Task.Delay(Timeout.Infinite, ct).ConfigureAwait(false);
                }
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
            }
            catch (System.Net.Sockets.SocketException ex)
            {
                await Console.Error.WriteLineAsync($"scp: cannot listen on port {options.Port}: {ex.Message}").ConfigureAwait(false);
                return DimseCommandOptions.ExitFailure;
            }

            return 0;
        });
        return command;
    }
}
