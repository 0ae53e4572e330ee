using System.CommandLine;
using System.Net;
using System.Net.Sockets;
using Conformance.Cli.Hosting;
using Conformance.Cli.Options;
using Conformance.Cli.Output;
using Conformance.Dicom.Network.Transport;
using Conformance.Scp;

namespace Conformance.Cli.Commands;

/// <summary>`conformance scp --port N --ae AE --storage DIR|memory|discard [--move-dest AE=HOST:PORT]... [--durable]`: our SCP.</summary>
internal static class ScpCommand
{
    public static Command Create()
    {
        var port = CliOptions.ListenPort("--port", "TCP port to listen on, 0-65535 (0 = any free port, printed)");
        var ae = new Option<string>("--ae") { Description = "Our AE title (called AE we answer to)", DefaultValueFactory = _ => "CONFORMANCE" };
        var storage = new Option<string>("--storage")
        {
            Description = "Directory (created if missing; its parent must exist), 'memory' or 'discard'",
            Required = true,
        };
        var index = new Option<string?>("--index") { Description = "SQLite index file (default: index.sqlite in the storage directory; in memory otherwise)" };
        var moveDestinations = new Option<string[]>("--move-dest") { Description = "Known move destination AE=HOST:PORT (repeatable)" };
        var durable = new Option<bool>("--durable") { Description = "fsync each file before answering Success" };
        var maxAssociations = CliOptions.Integer("--max-associations", "Concurrent associations (0 = unlimited)", 32, 0);
        var bind = new Option<string>("--bind") { Description = "Address to listen on", DefaultValueFactory = _ => "127.0.0.1" };
        var quiet = new Option<bool>("--quiet") { Description = "Print only the listening line and errors" };
        var onePdvPerPdu = new Option<bool>("--one-pdv-per-pdu") { Description = "One PDV per PDU, header and data written apart (ConnectionOptions.SplitPduWrites)" };
        var command = new Command("scp", "Run our storage + query/retrieve SCP until interrupted")
        {
            port, ae, storage, index, moveDestinations, durable, maxAssociations, bind, quiet, onePdvPerPdu,
        };
        command.SetAction(async (result, ct) =>
        {
            var log = new TimestampedLog(result.Out());
            var area = ScpStorageArea.Open(result.GetRequiredValue(storage), log);
            var options = new DicomServerOptions
            {
                AeTitle = AeTitles.Check(result.GetValue(ae) ?? "CONFORMANCE", "--ae"),
                Port = result.GetRequiredValue(port),
                BindAddress = ParseBind(result.GetValue(bind) ?? "127.0.0.1"),
                Storage = area.Storage,
                IndexPath = result.GetValue(index) is { } indexPath ? CliPaths.WithExistingParent(indexPath, "--index") : area.DefaultIndexPath,
                MoveDestinations = (result.GetValue(moveDestinations) ?? []).Select(ParseDestination).ToList(),
                Durable = result.GetValue(durable),
                MaxAssociations = result.GetValue(maxAssociations),
                Log = result.GetValue(quiet) ? null : log.Write,
                Connection = ConnectionOptions.Default with { SplitPduWrites = result.GetValue(onePdvPerPdu) },
            };
            await ServeAsync(options, log, ct).ConfigureAwait(false);
            return ExitCodes.Success;
        });
        return command;
    }

    private static async Task ServeAsync(DicomServerOptions options, TimestampedLog log, CancellationToken ct)
    {
        DicomServer server;
        try
        {
            server = await DicomServer.StartAsync(options, ct).ConfigureAwait(false);
        }
        catch (SocketException ex)
        {
            throw CliException.Environment($"cannot listen on {options.BindAddress}:{options.Port}: {ex.Message}");
        }

        await using (server.ConfigureAwait(false))
        {
            server.InstanceStored += i => options.Log?.Invoke($"stored {i.Request.AffectedSopInstanceUid} from {i.CallingAe} ({i.DataLength} bytes)");

            // The server says "listening" through the log; with --quiet (no log) the command says it, once.
            if (options.Log is null)
            {
                log.Write($"SCP {options.AeTitle} listening on {options.BindAddress}:{server.Port}, storage {options.Storage.Description}");
            }

            log.Write("Ctrl+C to stop");
            try
            {
                await Task.Delay(Timeout.Infinite, ct).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                log.Write($"stopping: {server.StoredInstances} instance(s) stored since start");
            }
        }
    }

    private static IPAddress ParseBind(string text) =>
        IPAddress.TryParse(text, out var address) ? address : throw CliException.Usage($"--bind '{text}' is not an IP address (e.g. 127.0.0.1 or 0.0.0.0)");

    private static MoveDestination ParseDestination(string text)
    {
        try
        {
            return MoveDestination.Parse(text);
        }
        catch (FormatException ex)
        {
            throw CliException.Usage($"--move-dest: {ex.Message}");
        }
    }
}
