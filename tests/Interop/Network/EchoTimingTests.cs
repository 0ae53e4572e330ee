using System.Diagnostics;
using System.Globalization;
using Conformance.Dicom.Network.Association.Negotiation;
using Conformance.Dicom.Network.Association.Verification;
using Conformance.Dicom.Network.Association;
using Conformance.Dicom.Network.Transport;
using Conformance.Interop.Tests.Support;

namespace Conformance.Interop.Tests.Network;

/// <summary>
/// C-ECHO round trip and association open+release, ours against DCMTK's, in one run on one machine.
/// Explicit: it measures (figures go to docs/benchmarks.md) and asserts only that every echo succeeded.
/// </summary>
[Explicit("measurement: run on purpose, on a quiet machine")]
[Category("Benchmark")]
public class EchoTimingTests
{
    private const int Echoes = 2000;
    private const int Associations = 100;
    private static readonly TimeSpan Bound = TimeSpan.FromMinutes(5);

    [Test]
    public async Task Echo_round_trip_and_association_times()
    {
        var port = FreePort.Get();
        using var tools = new HostProcessRunner();
        using var storescp = tools.StartBackground(new HostProcessStart("storescp", ["-aet", "STORESCP", "-od", Path.GetTempPath(), port.ToString(CultureInfo.InvariantCulture)]));
        await storescp.WaitForListeningAsync(port, Bound, CancellationToken.None);
        await using var ours = EchoServer.Start(AcceptancePolicy.ForVerification("STORESCP"), ConnectionOptions.Default);

        // Warm-up (JIT, connection paths) before anything is measured.
        await OurEchoesAsync(port, 200, ConnectionOptions.Default);
        await OurEchoesAsync(ours.Port, 200, ConnectionOptions.Default);

        var scuToStorescp = await OurEchoesAsync(port, Echoes, ConnectionOptions.Default);
        var pathologicalToStorescp = await OurEchoesAsync(port, 200, ConnectionOptions.Pathological);
        var scuToOurs = await OurEchoesAsync(ours.Port, Echoes, ConnectionOptions.Default);
        var echoscuToStorescp = await EchoscuMeanAsync(tools, port, Echoes);
        var echoscuToOurs = await EchoscuMeanAsync(tools, ours.Port, Echoes);
        var openToStorescp = await OurAssociationsAsync(port);
        var openToOurs = await OurAssociationsAsync(ours.Port);
        var echoscuProcessToStorescp = await EchoscuProcessesAsync(tools, port);
        var echoscuProcessToOurs = await EchoscuProcessesAsync(tools, ours.Port);

        var report = string.Join(
            Environment.NewLine,
            $"C-ECHO round trip, one association, {Echoes} echoes (ms):",
            $"  our SCU -> storescp            p50 {P(scuToStorescp, 0.5):0.000}  p99 {P(scuToStorescp, 0.99):0.000}  mean {scuToStorescp.Average():0.000}",
            $"  our SCU (pathological) -> storescp p50 {P(pathologicalToStorescp, 0.5):0.000}  p99 {P(pathologicalToStorescp, 0.99):0.000}",
            $"  our SCU -> our SCP             p50 {P(scuToOurs, 0.5):0.000}  p99 {P(scuToOurs, 0.99):0.000}  mean {scuToOurs.Average():0.000}",
            $"  echoscu --repeat {Echoes} -> storescp     mean {echoscuToStorescp:0.000} (wall time / echoes, process start included)",
            $"  echoscu --repeat {Echoes} -> our SCP      mean {echoscuToOurs:0.000} (same method)",
            $"Association open + 1 echo + release, {Associations} in a row (ms):",
            $"  our SCU -> storescp            p50 {P(openToStorescp, 0.5):0.000}  p99 {P(openToStorescp, 0.99):0.000}",
            $"  our SCU -> our SCP             p50 {P(openToOurs, 0.5):0.000}  p99 {P(openToOurs, 0.99):0.000}",
            $"  echoscu process -> storescp    p50 {P(echoscuProcessToStorescp, 0.5):0.000}  p99 {P(echoscuProcessToStorescp, 0.99):0.000} (whole process)",
            $"  echoscu process -> our SCP     p50 {P(echoscuProcessToOurs, 0.5):0.000}  p99 {P(echoscuProcessToOurs, 0.99):0.000} (whole process)");
        TestContext.Out.WriteLine(report);
        await File.WriteAllTextAsync(Path.Combine(Path.GetTempPath(), "conformance-echo-timing.txt"), report);
        scuToStorescp.Should().HaveCount(Echoes);
    }

    private static async Task<List<double>> OurEchoesAsync(int port, int count, ConnectionOptions options)
    {
        var times = new List<double>(count);
        await using var association = await DicomAssociation.ConnectAsync(AssociationRequest.ForVerification("127.0.0.1", port, "STORESCP"), options, CancellationToken.None);
        for (var i = 1; i <= count; i++)
        {
            var (status, roundTrip) = await VerificationScu.EchoAsync(association, (ushort)i, CancellationToken.None);
            status.Should().Be(VerificationScp.Success);
            times.Add(roundTrip.TotalMilliseconds);
        }

        await association.ReleaseAsync(CancellationToken.None);
        return times;
    }

    private static async Task<List<double>> OurAssociationsAsync(int port)
    {
        var times = new List<double>(Associations);
        for (var i = 0; i < Associations; i++)
        {
            var started = Stopwatch.GetTimestamp();
            await using (var association = await DicomAssociation.ConnectAsync(AssociationRequest.ForVerification("127.0.0.1", port, "STORESCP"), ConnectionOptions.Default, CancellationToken.None))
            {
                (await VerificationScu.EchoAsync(association, 1, CancellationToken.None)).Status.Should().Be(VerificationScp.Success);
                await association.ReleaseAsync(CancellationToken.None);
            }

            times.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }

        return times;
    }

    private static async Task<double> EchoscuMeanAsync(HostProcessRunner tools, int port, int count)
    {
        var started = Stopwatch.GetTimestamp();
        var echoscu = await tools.RunAsync(new HostProcessStart("echoscu", ["--repeat", count.ToString(CultureInfo.InvariantCulture), "-aec", "STORESCP", "127.0.0.1", port.ToString(CultureInfo.InvariantCulture)]) { Timeout = Bound }, CancellationToken.None);
        echoscu.ExitCode.Should().Be(0, echoscu.Output);
        return Stopwatch.GetElapsedTime(started).TotalMilliseconds / count;
    }

    private static async Task<List<double>> EchoscuProcessesAsync(HostProcessRunner tools, int port)
    {
        var times = new List<double>(Associations);
        for (var i = 0; i < Associations; i++)
        {
            var started = Stopwatch.GetTimestamp();
            var echoscu = await tools.RunAsync(new HostProcessStart("echoscu", ["-aec", "STORESCP", "127.0.0.1", port.ToString(CultureInfo.InvariantCulture)]) { Timeout = Bound }, CancellationToken.None);
            echoscu.ExitCode.Should().Be(0, echoscu.Output);
            times.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }

        return times;
    }

    private static double P(List<double> values, double p)
    {
        var sorted = values.Order().ToList();
        return sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Count) - 1, 0, sorted.Count - 1)];
    }
}
