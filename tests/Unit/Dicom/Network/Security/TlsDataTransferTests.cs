using Conformance.Dicom.Network.Association;
using Conformance.Dicom.Network.Association.Negotiation;
using Conformance.Dicom.Network.Security;
using Conformance.Dicom.Network.Transport;
using Conformance.TestSupport.Security;
using Conformance.Unit.Tests.Dicom.Network.Association;

namespace Conformance.Unit.Tests.Dicom.Network.Security;

/// <summary>
/// Messages through TLS arrive exactly (buffered PDUs, and PDUs over 4 MiB read in slices), and TLS costs the plain
/// path nothing it relies on: the same number of writes per message (one per batch of PDUs).
/// </summary>
public class TlsDataTransferTests
{
    private const string Ct = "1.2.840.10008.5.1.4.1.1.2";
    private const string ExplicitLe = "1.2.840.10008.1.2.1";

    private static ConnectionOptions Tls(ConnectionOptions options) => options with
    {
        TlsServer = new TlsServerOptions { Certificate = TestPki.Instance.Server, TrustedAuthorities = TestPki.Instance.Authorities, RequireClientCertificate = true },
        TlsClient = new TlsClientOptions { TrustedAuthorities = TestPki.Instance.Authorities, Certificate = TestPki.Instance.Client },
    };

    [TestCase(16384u, 3 * 1024 * 1024 + 7)]
    [TestCase(0u, 6 * 1024 * 1024 + 5)]
    public async Task A_data_set_round_trips_exactly_and_with_as_many_writes_as_on_plain_TCP(uint maxPdu, int size)
    {
        var plain = ConnectionOptions.Default with { LargestPduSent = 8 * 1024 * 1024 };

        var plainWrites = await RoundTripAsync(plain, maxPdu, size);
        var tlsWrites = await RoundTripAsync(Tls(plain), maxPdu, size);

        tlsWrites.Should().Be(plainWrites, "TLS adds no writes: each batch of PDUs is one write of the stream");
    }

    /// <summary>Sends one message and receives it echoed back; returns the client's writes for the message.</summary>
    private static async Task<long> RoundTripAsync(ConnectionOptions options, uint maxPdu, int size)
    {
        var policy = AcceptancePolicy.ForVerification("OURSCP").WithAbstractSyntax(Ct, ExplicitLe) with { MaxPduLength = maxPdu };
        await using var listener = DicomListener.Start(policy, options);
        using var stop = new CancellationTokenSource();
        var serving = listener.RunAsync(EchoBackAsync, stop.Token);
        var command = FragmentationTests.CommandWithDataSet(300);
        var data = FragmentationTests.Pattern(size, size);
        var request = AssociationRequest.ForVerification("127.0.0.1", listener.Port, "OURSCP") with { PresentationContexts = [new PresentationContextProposal(Ct, ExplicitLe)], MaxPduLength = maxPdu };
        using var bound = new CancellationTokenSource(TimeSpan.FromMinutes(2));

        long writes;
        await using (var association = await DicomAssociation.ConnectAsync(request, options, bound.Token))
        {
            var before = association.Counters.SendCalls;
            await association.SendAsync(1, command, new MemoryMessageData(data), bound.Token);
            writes = association.Counters.SendCalls - before;
            var sink = new MemoryDataSink();
            var back = await association.ReceiveAsync(_ => sink, bound.Token);

            back!.CommandSet.ToArray().Should().Equal(command);
            sink.Data.ToArray().Should().Equal(data);
            (association.Info.Tls is not null).Should().Be(options.TlsClient is not null);
            await association.ReleaseAsync(bound.Token);
        }

        await stop.CancelAsync();
        await serving;
        return writes;
    }

    private static async Task EchoBackAsync(DicomAssociation association, CancellationToken ct)
    {
        while (await association.ReceiveAsync(_ => new MemoryDataSink(), ct) is { } message)
        {
            await association.SendAsync(message.PresentationContextId, message.CommandSet, new MemoryMessageData(((MemoryDataSink)message.Data!).Data), ct);
        }
    }
}
