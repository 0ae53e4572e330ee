using System.CommandLine;
using System.Diagnostics;
using Conformance.Budgets;
using Conformance.Dicom.Network;
using Conformance.Dicom.Network.Association;
using Conformance.Dicom.Network.Association.Verification;
using Conformance.Dicom.Network.Transport;

namespace Conformance.Cli.Commands;

/// <summary>`conformance echo HOST PORT --called AE [--calling AE] [--repeat N]`: C-ECHO, like DCMTK's echoscu.</summary>
internal static class EchoCommand
{
    public static Command Create()
    {
        var host = new Argument<string>("host") { Description = "Peer host name or address" };
        var port = new Argument<int>("port") { Description = "Peer TCP port" };
        var called = new Option<string>("--called") { Description = "Called AE title", Required = true };
        var calling = new Option<string>("--calling") { Description = "Calling AE title", DefaultValueFactory = _ => "CONFORMANCE" };
        var repeat = new Option<int>("--repeat") { Description = "C-ECHO requests on the association", DefaultValueFactory = _ => 1 };
        var associations = new Option<int>("--associations") { Description = "Associations opened one after the other", DefaultValueFactory = _ => 1 };
        var pathological = new Option<bool>("--pathological") { Description = "Nagle on, split PDU writes, small receive buffer, no quick ACK" };
        var timeout = new Option<int>("--timeout") { Description = "Connection, ARTIM and DIMSE timeouts in seconds", DefaultValueFactory = _ => 30 };
        var command = new Command("echo", "Verify a DICOM peer with C-ECHO") { host, port, called, calling, repeat, associations, pathological, timeout };
        command.SetAction((result, ct) => RunAsync(
            result.GetRequiredValue(host),
            result.GetRequiredValue(port),
            result.GetRequiredValue(called),
            result.GetRequiredValue(calling),
            Math.Max(1, result.GetValue(repeat)),
            Math.Max(1, result.GetValue(associations)),
            result.GetValue(pathological),
            TimeSpan.FromSeconds(Math.Max(1, result.GetValue(timeout))),
            ct));
        return command;
    }

    private static async Task<int> RunAsync(string host, int port, string called, string calling, int repeat, int associations, bool pathological, TimeSpan timeout, CancellationToken ct)
    {
        var options = (pathological ? ConnectionOptions.Pathological : ConnectionOptions.Default) with
        {
            ConnectTimeout = timeout,
            ArtimTimeout = timeout,
            DimseTimeout = timeout,
        };
        var request = AssociationRequest.ForVerification(host, port, called, calling);
        var roundTrips = new List<double>();
        var opens = new List<double>();
        try
        {
            for (var a = 0; a < associations; a++)
            {
                var started = Stopwatch.GetTimestamp();
                var association = await DicomAssociation.ConnectAsync(request, options, ct).ConfigureAwait(false);
                await using (association.ConfigureAwait(false))
                {
                    for (var i = 1; i <= repeat; i++)
                    {
                        var (status, roundTrip) = await VerificationScu.EchoAsync(association, (ushort)i, ct).ConfigureAwait(false);
                        if (status != VerificationScp.Success)
                        {
                            await Console.Error.WriteLineAsync($"C-ECHO to {called} at {host}:{port} answered status 0x{status:X4}").ConfigureAwait(false);
                            return 3;
                        }

                        roundTrips.Add(roundTrip.TotalMilliseconds);
                    }

                    await association.ReleaseAsync(ct).ConfigureAwait(false);
                }

                opens.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            }
        }
        catch (AssociationRejectedException ex)
        {
            await Console.Error.WriteLineAsync($"Association rejected: {ex.Rejection}").ConfigureAwait(false);
            return 2;
        }
        catch (DicomNetworkException ex)
        {
            await Console.Error.WriteLineAsync($"C-ECHO failed: {ex.Message}").ConfigureAwait(false);
            return 1;
        }

        Console.WriteLine($"C-ECHO to {called} at {host}:{port}: success ({roundTrips.Count} requests on {associations} association(s))");
        if (roundTrips.Count > 1)
        {
            Console.WriteLine($"round trip ms: p50 {Percentile.Of(roundTrips, 0.50):0.000}  p99 {Percentile.Of(roundTrips, 0.99):0.000}");
        }

        if (opens.Count > 1)
        {
            Console.WriteLine($"association (open, echoes, release) ms: p50 {Percentile.Of(opens, 0.50):0.000}  p99 {Percentile.Of(opens, 0.99):0.000}");
        }

        return 0;
    }
}
