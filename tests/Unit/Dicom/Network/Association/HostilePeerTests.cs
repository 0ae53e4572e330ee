using System.Buffers.Binary;
using Conformance.Dicom.Network.Association.Negotiation;
using Conformance.Dicom.Network.Association;
using Conformance.Dicom.Network.Pdus;
using Conformance.Dicom.Network.Transport;

namespace Conformance.Unit.Tests.Dicom.Network.Association;

/// <summary>Our acceptor against peers that break the rules or try to hold resources (issue 10): bounded, answered, and the listener goes on.</summary>
public class HostilePeerTests
{
    private const string Ct = "1.2.840.10008.5.1.4.1.1.2";
    private const string ExplicitLe = "1.2.840.10008.1.2.1";

    private static AcceptancePolicy Policy => AcceptancePolicy.ForVerification("OURSCP");

    [Test]
    public async Task Command_fragments_without_an_end_are_bounded_and_answered_by_A_ABORT()
    {
        await using var h = await AcceptorHarness.ConnectAsync(Policy);
        await using var association = await h.EstablishAsync(Parrot.VerificationRequest());
        var fragment = new byte[16_000];

        for (var i = 0; i < (MessageAssembler.MaxCommandSetLength / fragment.Length) + 2; i++)
        {
            await h.Parrot.SendAsync(new DataTransferPdu([new PresentationDataValue(1, PresentationDataValue.CommandBit, fragment)]));
        }

        var abort = await h.Parrot.ReadAbortAsync();
        abort.Source.Should().Be(AbortSource.ServiceProvider);
        abort.Reason.Should().Be(AbortReason.InvalidPduParameterValue);
        h.Parrot.Close();
        await association.Completion.WaitAsync(Parrot.Bound);
        association.Failure!.Message.Should().Contain("command set");
        using var next = await Parrot.ConnectAsync(h.Listener.Port);
        await next.SendAsync(Parrot.VerificationRequest());
        (await next.ReadPduAsync()).Type.Should().Be(PduType.AssociateAccept, "the listener goes on serving");
    }

    [Test]
    public async Task A_presentation_context_ID_proposed_twice_is_a_protocol_violation_answered_by_A_ABORT()
    {
        await using var h = await AcceptorHarness.ConnectAsync(Policy);
        var request = Parrot.VerificationRequest() with
        {
            PresentationContexts =
            [
                new PresentationContextRequestItem(1, "1.2.840.10008.1.1", ["1.2.840.10008.1.2"]),
                new PresentationContextRequestItem(1, "1.2.840.10008.1.1", ["1.2.840.10008.1.2.1"]),
            ],
        };

        await h.Parrot.SendAsync(request);

        var (type, _) = await h.Parrot.ReadPduAsync();
        type.Should().Be(PduType.Abort, "PS3.8 7.1.1.13: an ID names one context; two answers for one ID would be ambiguous");
        h.Monitor.Path.Should().Contain("Sta2 + Evt19 -> AA1 -> Sta13");
    }

    [Test]
    public async Task Announcing_an_unlimited_maximum_PDU_accepts_a_PDU_over_64_MB_without_buffering_it_whole()
    {
        var policy = Policy.WithAbstractSyntax(Ct, ExplicitLe) with { MaxPduLength = 0 };
        await using var h = await AcceptorHarness.ConnectAsync(policy);
        await using var association = await h.EstablishAsync(Parrot.VerificationRequest() with { PresentationContexts = [new PresentationContextRequestItem(1, Ct, [ExplicitLe])] });
        var sink = new CountingSink();
        var receive = association.ReceiveAsync(_ => sink, CancellationToken.None).AsTask();
        const long size = (80L * 1024 * 1024) + 5;

        await h.Parrot.SendAsync(new DataTransferPdu([new PresentationDataValue(1, 0x03, FragmentationTests.CommandWithDataSet())]));
        await SendOneHugeDataPduAsync(h.Parrot, size);

        var message = await receive.WaitAsync(Parrot.Bound);
        message!.DataLength.Should().Be(size);
        sink.Total.Should().Be(size);
        sink.Largest.Should().BeLessThanOrEqualTo(PduReader.BufferedPduLimit, "PDV data reach the sink as slices of a bounded buffer");
        h.Parrot.Close();
    }

    [Test]
    public async Task Connections_still_waiting_for_their_request_count_against_the_association_limit()
    {
        await using var h = await AcceptorHarness.ConnectAsync(Policy with { MaxAssociations = 1 });
        await WaitUntilAsync(() => h.Listener.Counters.Connections == 1);
        using var second = await Parrot.ConnectAsync(h.Listener.Port);
        await WaitUntilAsync(() => h.Listener.Counters.Connections == 2);
        using var third = await Parrot.ConnectAsync(h.Listener.Port);

        await second.SendAsync(Parrot.VerificationRequest());

        (await second.ReadAsync<AssociateRejectPdu>()).Should().Be(new AssociateRejectPdu(AssociateRejectResult.RejectedTransient, AssociateRejectSource.ServiceProviderPresentation, 2), "local limit exceeded: the first connection holds the only slot while in Sta2");
        (await third.IsClosedAsync()).Should().BeTrue("beyond the connections waiting for their rejection, a connection is closed at once");
    }

    [Test]
    public async Task A_PDU_trickling_in_after_its_first_byte_is_closed_by_its_deadline()
    {
        var options = ConnectionOptions.Default with { PduReadTimeout = TimeSpan.FromMilliseconds(400) };
        await using var h = await AcceptorHarness.ConnectAsync(Policy, options);
        await using var association = await h.EstablishAsync(Parrot.VerificationRequest());
        using var stop = new CancellationTokenSource();
        var trickle = TrickleAsync(h.Parrot, stop.Token);

        await association.Completion.WaitAsync(Parrot.Bound);
        await stop.CancelAsync();
        await trickle;

        association.Failure.Should().BeOfType<AssociationTimeoutException>().Which.Message.Should().Contain("PDU");
    }

    [Test]
    public void The_idle_timeout_is_finite_by_default()
    {
        ConnectionOptions.Default.IdleTimeout.Should().BePositive().And.NotBe(Timeout.InfiniteTimeSpan, "a silent peer cannot hold a slot forever");
    }

    private static async Task TrickleAsync(Parrot parrot, CancellationToken ct)
    {
        byte[] header = [0x04, 0x00, 0x00, 0x00, 0x01, 0x00];
        try
        {
            foreach (var b in header.Concat(Enumerable.Repeat((byte)0, 200)))
            {
                await parrot.SendAsync([b]);
                await Task.Delay(100, ct);
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or System.Net.Sockets.SocketException)
        {
            // Stopped, or our side closed: either way the trickle is over.
        }
    }

    private static async Task SendOneHugeDataPduAsync(Parrot parrot, long size)
    {
        var head = new byte[12];
        head[0] = 0x04;
        BinaryPrimitives.WriteUInt32BigEndian(head.AsSpan(2), checked((uint)(size + 6)));
        DataTransferPdu.WritePdvHeader(head.AsSpan(6), 1, 0x02, 0);
        BinaryPrimitives.WriteUInt32BigEndian(head.AsSpan(6), checked((uint)(size + 2)));
        await parrot.SendAsync(head);
        var chunk = new byte[1024 * 1024];
        for (long sent = 0; sent < size; sent += chunk.Length)
        {
            await parrot.SendAsync(sent + chunk.Length <= size ? chunk : chunk[..(int)(size - sent)]);
        }
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        while (!condition())
        {
            System.Diagnostics.Stopwatch.GetElapsedTime(started).Should().BeLessThan(Parrot.Bound, "the condition should be reached");
            await Task.Delay(5);
        }
    }

    private sealed class CountingSink : IMessageDataSink
    {
        public long Total { get; private set; }

        public int Largest { get; private set; }

        public ValueTask WriteAsync(ReadOnlyMemory<byte> fragment, CancellationToken ct)
        {
            Total += fragment.Length;
            Largest = Math.Max(Largest, fragment.Length);
            return ValueTask.CompletedTask;
        }

        public ValueTask CompleteAsync(CancellationToken ct) => ValueTask.CompletedTask;

        public ValueTask AbandonAsync(Exception reason) => ValueTask.CompletedTask;
    }
}
