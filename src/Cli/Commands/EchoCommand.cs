using System.CommandLine;
using System.Diagnostics;
using Conformance.Budgets;
using Conformance.Cli.Hosting;
using Conformance.Cli.Options;
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
        var port = CliOptions.PortArgument();
        var called = new Option<string>("--called") { Description = "Called AE title", Required = true };
        var calling = new Option<string>("--calling") { Description = "Calling AE title", DefaultValueFactory = _ => "CONFORMANCE" };
        var repeat = CliOptions.Integer("--repeat", "C-ECHO requests on the association", 1, 1, ushort.MaxValue);
        var associations = CliOptions.Integer("--associations", "Associations opened one after the other", 1);
        var pathological = new Option<bool>("--pathological") { Description = "Nagle on, split PDU writes, small receive buffer, no quick ACK" };
        var timeout = CliOptions.Integer("--timeout", "Connection, ARTIM and DIMSE timeouts in seconds", 30, 1, 86_400);
        var command = new Command("echo", "Verify a DICOM peer with C-ECHO") { host, port, called, calling, repeat, associations, pathological, timeout };
        var security = new ScuSecurityOptions();
        security.AddTo(command);
        command.SetAction((result, ct) =>
        {
            var request = AssociationRequest.ForVerification(
                PeerHost.Check(result.GetRequiredValue(host)),
                result.GetRequiredValue(port),
                AeTitles.Check(result.GetRequiredValue(called), "--called"),
                AeTitles.Check(result.GetRequiredValue(calling), "--calling")) with { UserIdentity = security.Identity(result) };
            var seconds = TimeSpan.FromSeconds(result.GetValue(timeout));
            var options = security.Apply(result, (result.GetValue(pathological) ? ConnectionOptions.Pathological : ConnectionOptions.Default) with
            {
                ConnectTimeout = seconds,
                ArtimTimeout = seconds,
                DimseTimeout = seconds,
            });
            return RunAsync(result.Out(), request, options, result.GetValue(repeat), result.GetValue(associations), ct);
        });
        return command;
    }

    private static async Task<int> RunAsync(TextWriter output, AssociationRequest request, ConnectionOptions options, int repeat, int associations, CancellationToken ct)
    {
        var roundTrips = new List<double>();
        var opens = new List<double>();
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
                        throw new CliException(ExitCodes.Failed, $"C-ECHO to {request.CalledAe} at {request.Host}:{request.Port} answered status 0x{status:X4}");
                    }

                    roundTrips.Add(roundTrip.TotalMilliseconds);
                }

                await association.ReleaseAsync(ct).ConfigureAwait(false);
            }

            opens.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }

        await output.WriteLineAsync($"C-ECHO to {request.CalledAe} at {request.Host}:{request.Port}: success ({roundTrips.Count} requests on {associations} association(s))").ConfigureAwait(false);
        if (roundTrips.Count > 1)
        {
            await output.WriteLineAsync($"round trip ms: p50 {Percentile.Of(roundTrips, 0.50):0.000}  p99 {Percentile.Of(roundTrips, 0.99):0.000}").ConfigureAwait(false);
        }

        if (opens.Count > 1)
        {
            await output.WriteLineAsync($"association (open, echoes, release) ms: p50 {Percentile.Of(opens, 0.50):0.000}  p99 {Percentile.Of(opens, 0.99):0.000}").ConfigureAwait(false);
        }

        return ExitCodes.Success;
    }
}
