using System.Diagnostics;
using System.Net.Sockets;
using Conformance.Dicom.Network.Association;
using Conformance.Dicom.Network.Association.Negotiation;
using Conformance.Dicom.Network.Services.Scu;
using Conformance.Dicom.Network.Services.Storage;
using Conformance.Dicom.Network.Transport;

namespace Conformance.Interop.Tests.Reliability;

/// <summary>What the load tests do to the SCP: hold associations, hold silent connections, and time a legitimate client.</summary>
internal static class LoadClients
{
    private const string Verification = "1.2.840.10008.1.1";

    public static AssociationRequest EchoRequest(int port) => new()
    {
        CalledAe = ScpProcess.AeTitle,
        Host = "127.0.0.1",
        Port = port,
        PresentationContexts = [new PresentationContextProposal(Verification, NegotiationUids.ImplicitVrLittleEndian)],
    };

    /// <summary>Opens <paramref name="count"/> associations, <paramref name="parallel"/> at a time (the listen backlog is finite), and keeps them.</summary>
    public static async Task<List<DicomAssociation>> HoldAssociationsAsync(int port, int count, int parallel = 25)
    {
        var held = new List<DicomAssociation>();
        for (var done = 0; done < count; done += parallel)
        {
            var batch = await Task.WhenAll(Enumerable.Range(0, Math.Min(parallel, count - done)).Select(_ => ConnectWithinLimitAsync(port)));
            held.AddRange(batch);
        }

        return held;
    }

    // The readiness probe (a TCP connect and close) counts against the limit until the SCP has seen it close, which
    // can be after the first associations arrive on a loaded machine: a transient "local limit exceeded" is retried
    // (bounded) while the held associations are opened, never when the test expects it.
    private static async Task<DicomAssociation> ConnectWithinLimitAsync(int port)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await DicomAssociation.ConnectAsync(EchoRequest(port), ConnectionOptions.Default, CancellationToken.None);
            }
            catch (AssociationRejectedException rejected) when (rejected.Result == Conformance.Dicom.Network.Pdus.AssociateRejectResult.RejectedTransient && attempt < 20)
            {
                await Task.Delay(50);
            }
        }
    }

    /// <summary>TCP connections that never send an A-ASSOCIATE-RQ (Sta2 on the SCP's side).</summary>
    public static async Task<List<Socket>> HoldSilentConnectionsAsync(int port, int count)
    {
        var sockets = new List<Socket>();
        for (var i = 0; i < count; i++)
        {
            var socket = new Socket(SocketType.Stream, ProtocolType.Tcp);
            await socket.ConnectAsync(System.Net.IPAddress.Loopback, port);
            sockets.Add(socket);
        }

        return sockets;
    }

    public static async Task ReleaseAllAsync(IEnumerable<DicomAssociation> associations)
    {
        foreach (var chunk in associations.Chunk(50))
        {
            await Task.WhenAll(chunk.Select(a => a.DisposeAsync().AsTask()));
        }
    }

    /// <summary>A legitimate client: each C-ECHO and each C-STORE on its own association, timed end to end (ms).</summary>
    public static async Task<(List<double> Echo, List<double> Store)> MeasureAsync(int port, int operations, int round)
    {
        var scu = new DicomScu(new DicomScuOptions { Host = "127.0.0.1", Port = port, CalledAe = ScpProcess.AeTitle });
        var echo = new List<double>();
        var store = new List<double>();
        for (var i = 0; i < operations; i++)
        {
            var started = Stopwatch.GetTimestamp();
            var reply = await scu.EchoAsync();
            reply.Status.IsSuccess.Should().BeTrue();
            echo.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);

            started = Stopwatch.GetTimestamp();
            var stored = await scu.StoreAsync([new DatasetStoreItem(ReliabilityObjects.Image(round, i, 16 * 1024))]);
            stored.Outcomes.Should().OnlyContain(o => o.Succeeded);
            store.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }

        return (echo, store);
    }

    /// <summary>The suite's one percentile definition (nearest rank).</summary>
    public static double Percentile(IReadOnlyList<double> values, double p) => Conformance.Budgets.Percentile.Of(values, p);
}
