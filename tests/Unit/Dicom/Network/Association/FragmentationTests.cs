using System.Buffers.Binary;
using Conformance.Dicom.Network.Association;
using Conformance.Dicom.Network.Association.Negotiation;
using Conformance.Dicom.Network.Pdus;
using Conformance.Dicom.Network.Transport;

namespace Conformance.Unit.Tests.Dicom.Network.Association;

/// <summary>Messages cut into PDVs within the peer's maximum PDU and put back together exactly, both directions.</summary>
public class FragmentationTests
{
    private const string Ct = "1.2.840.10008.5.1.4.1.1.2";
    private const string ExplicitLe = "1.2.840.10008.1.2.1";

    /// <summary>A command set announcing a data set: (0000,0800) = 0x0001; padded to <paramref name="length"/> with a private-looking element.</summary>
    internal static byte[] CommandWithDataSet(int length = 18)
    {
        var command = new byte[Math.Max(length, 18)];
        BinaryPrimitives.WriteUInt32LittleEndian(command.AsSpan(0), 0x08000000);   // (0000,0800)
        BinaryPrimitives.WriteUInt32LittleEndian(command.AsSpan(4), 2);
        BinaryPrimitives.WriteUInt16LittleEndian(command.AsSpan(8), 0x0001);
        BinaryPrimitives.WriteUInt32LittleEndian(command.AsSpan(10), 0x09990000);  // (0000,0999) filler
        BinaryPrimitives.WriteUInt32LittleEndian(command.AsSpan(14), (uint)(command.Length - 18));
        return command;
    }

    internal static byte[] Pattern(int length, int seed)
    {
        var data = new byte[length];
        new Random(seed).NextBytes(data);
        return data;
    }

    private static IEnumerable<TestCaseData> Cases()
    {
        foreach (var max in new uint[] { 4096, 16384, 131072, 0 })
        {
            foreach (var size in new[] { 0, 1, 4096 - 12, 4096 - 6, 3 * 1024 * 1024 + 7 })
            {
                yield return new TestCaseData(max, size, false).SetName($"max PDU {(max == 0 ? "unlimited" : max.ToString(System.Globalization.CultureInfo.InvariantCulture))}, data set {size} bytes");
            }

            yield return new TestCaseData(max, 1024 * 1024 + 3, true).SetName($"max PDU {(max == 0 ? "unlimited" : max.ToString(System.Globalization.CultureInfo.InvariantCulture))}, pathological split writes");
        }
    }

    [TestCaseSource(nameof(Cases))]
    public async Task Data_set_round_trips_exactly_within_the_max_PDU(uint maxPdu, int size, bool pathological)
    {
        var options = pathological ? ConnectionOptions.Pathological : ConnectionOptions.Default;
        var serverMonitor = new RecordingMonitor();
        var clientMonitor = new RecordingMonitor();
        var policy = AcceptancePolicy.ForVerification("OURSCP").WithAbstractSyntax(Ct, ExplicitLe) with { MaxPduLength = maxPdu };
        await using var listener = DicomListener.Start(policy, options with { Monitor = serverMonitor });
        using var stop = new CancellationTokenSource();
        var serving = listener.RunAsync(EchoDataBackAsync, stop.Token);
        var command = CommandWithDataSet(300);
        var data = Pattern(size, size);

        var request = AssociationRequest.ForVerification("127.0.0.1", listener.Port, "OURSCP") with
        {
            PresentationContexts = [new PresentationContextProposal(Ct, ExplicitLe)],
            MaxPduLength = maxPdu,
        };
        await using (var association = await DicomAssociation.ConnectAsync(request, options with { Monitor = clientMonitor }, CancellationToken.None))
        {
            await association.SendAsync(1, command, new MemoryMessageData(data), CancellationToken.None);
            var sink = new MemoryDataSink();
            var back = await association.ReceiveAsync(_ => sink, CancellationToken.None);

            back!.CommandSet.ToArray().Should().Equal(command);
            back.DataLength.Should().Be(size);
            sink.IsComplete.Should().BeTrue();
            sink.Data.ToArray().Should().Equal(data);
            await association.ReleaseAsync(CancellationToken.None);
        }

        await stop.CancelAsync();
        await serving;
        var limit = maxPdu == 0 ? ConnectionOptions.Default.LargestPduSent : (int)maxPdu;
        foreach (var monitor in new[] { serverMonitor, clientMonitor })
        {
            monitor.Received.Where(p => p.Type == PduType.DataTransfer).Should().OnlyContain(p => p.Length - PduHeader.Size <= limit);
        }
    }

    private static async Task EchoDataBackAsync(DicomAssociation association, CancellationToken ct)
    {
        while (await association.ReceiveAsync(_ => new MemoryDataSink(), ct) is { } message)
        {
            var data = ((MemoryDataSink)message.Data!).Data;
            await association.SendAsync(message.PresentationContextId, message.CommandSet, new MemoryMessageData(data), ct);
        }
    }

    [TestCase(false)]
    [TestCase(true)]
    public async Task PDVs_carry_the_right_control_bits_and_the_command_has_its_own_PDU_unless_asked(bool commandAndDataInOnePdu)
    {
        await using var h = await RequestorHarness.StartAsync(ConnectionOptions.Default with { CommandAndDataInOnePdu = commandAndDataInOnePdu });
        var association = await h.EstablishAsync(maxPdu: 4096);
        var data = Pattern(10_000, 1);

        await association.SendAsync(1, CommandWithDataSet(), new MemoryMessageData(data), CancellationToken.None);

        var pdvs = new List<PresentationDataValue>();
        var received = 0;
        while (received < data.Length)
        {
            var (type, body) = await h.Parrot.ReadPduAsync();
            type.Should().Be(PduType.DataTransfer);
            body.Length.Should().BeLessThanOrEqualTo(4096);
            var values = DataTransferPdu.Parse(body).Values;
            if (pdvs.Count == 0 && commandAndDataInOnePdu)
            {
                values.Should().HaveCountGreaterThan(1, "the command PDV and the first data PDV share a PDU");
            }
            else if (pdvs.Count == 0)
            {
                values.Should().ContainSingle("the command set has a PDU of its own (GDCM 3.0 needs it)");
            }

            pdvs.AddRange(values);
            received += values.Where(v => !v.IsCommand).Sum(v => v.Fragment.Length);
        }

        pdvs[0].MessageControlHeader.Should().Be(0x03, "command, last fragment");
        pdvs.Skip(1).SkipLast(1).Should().OnlyContain(v => v.MessageControlHeader == 0x00);
        pdvs[^1].MessageControlHeader.Should().Be(0x02, "data, last fragment");
        pdvs.Should().OnlyContain(v => v.PresentationContextId == 1);
        pdvs.Skip(1).SelectMany(v => v.Fragment.ToArray()).Should().Equal(data);
    }

    [Test]
    public async Task Pathological_mode_writes_each_PDU_as_a_12_byte_header_then_its_data()
    {
        await using var h = await RequestorHarness.StartAsync(ConnectionOptions.Pathological);
        var association = await h.EstablishAsync(maxPdu: 16384);

        await association.SendAsync(1, CommandWithDataSet(), new MemoryMessageData(Pattern(40_000, 2)), CancellationToken.None);
        var pdus = 0;
        var received = 0;
        while (received < 40_000)
        {
            var values = DataTransferPdu.Parse((await h.Parrot.ReadPduAsync()).Body).Values;
            values.Should().ContainSingle("one PDV per PDU in the pathological mode");
            received += values[0].IsCommand ? 0 : values[0].Fragment.Length;
            pdus++;
        }

        association.Counters.SendCalls.Should().Be(1 + (2 * pdus), "A-ASSOCIATE-RQ, then two writes per P-DATA-TF");
    }

    [Test]
    public async Task Default_mode_batches_PDUs_into_few_sends()
    {
        await using var h = await RequestorHarness.StartAsync();
        var association = await h.EstablishAsync(maxPdu: 16384);

        await association.SendAsync(1, CommandWithDataSet(), new MemoryMessageData(Pattern(1_000_000, 3)), CancellationToken.None);
        var received = 0;
        while (received < 1_000_000)
        {
            received += DataTransferPdu.Parse((await h.Parrot.ReadPduAsync()).Body).Values.Where(v => !v.IsCommand).Sum(v => v.Fragment.Length);
        }

        association.Counters.PdusSent.Should().BeGreaterThan(61);
        association.Counters.SendCalls.Should().BeLessThan(10, "256 KB batches of 16 KB PDUs");
    }

    [Test]
    public async Task Concurrent_sends_never_interleave_messages()
    {
        var policy = AcceptancePolicy.ForVerification("OURSCP").WithAbstractSyntax(Ct, ExplicitLe) with { MaxPduLength = 4096 };
        await using var listener = DicomListener.Start(policy, ConnectionOptions.Default);
        var received = new List<byte[]>();
        using var stop = new CancellationTokenSource();
        var serving = listener.RunAsync(
            async (a, ct) =>
            {
                while (await a.ReceiveAsync(_ => new MemoryDataSink(), ct) is { } m)
                {
                    received.Add(((MemoryDataSink)m.Data!).Data.ToArray());
                }
            },
            stop.Token);
        var request = AssociationRequest.ForVerification("127.0.0.1", listener.Port, "OURSCP") with { PresentationContexts = [new PresentationContextProposal(Ct, ExplicitLe)], MaxPduLength = 4096 };
        var sent = Enumerable.Range(1, 8).Select(i => Pattern(50_000 + i, i)).ToList();

        await using (var association = await DicomAssociation.ConnectAsync(request, ConnectionOptions.Default, CancellationToken.None))
        {
            await Task.WhenAll(sent.Select(d => association.SendAsync(1, CommandWithDataSet(), new MemoryMessageData(d), CancellationToken.None).AsTask()));
            await association.ReleaseAsync(CancellationToken.None);
        }

        await stop.CancelAsync();
        await serving;
        received.Should().HaveCount(8);
        var ordered = received.OrderBy(r => r.Length).ToList();
        for (var i = 0; i < sent.Count; i++)
        {
            ordered[i].AsSpan().SequenceEqual(sent[i]).Should().BeTrue($"message {i + 1} arrives whole and unmixed");
        }
    }

    [Test]
    public async Task A_file_region_streams_to_a_file_sink()
    {
        var source = Path.GetTempFileName();
        var target = Path.GetTempFileName();
        try
        {
            var content = Pattern(700_001, 4);
            await File.WriteAllBytesAsync(source, content);
            var policy = AcceptancePolicy.ForVerification("OURSCP").WithAbstractSyntax(Ct, ExplicitLe);
            await using var listener = DicomListener.Start(policy, ConnectionOptions.Default);
            using var stop = new CancellationTokenSource();
            var serving = listener.RunAsync(
                async (a, ct) =>
                {
                    var file = File.Create(target);
                    await using (file)
                    {
                        await a.ReceiveAsync(_ => new FileSink(file), ct);
                    }

                    await a.ReceiveAsync(_ => DiscardDataSink.Instance, ct);
                },
                stop.Token);
            var request = AssociationRequest.ForVerification("127.0.0.1", listener.Port, "OURSCP") with { PresentationContexts = [new PresentationContextProposal(Ct, ExplicitLe)] };

            await using (var association = await DicomAssociation.ConnectAsync(request, ConnectionOptions.Default, CancellationToken.None))
            {
                using var region = FileRegionMessageData.Open(source, start: 132);
                await association.SendAsync(1, CommandWithDataSet(), region, CancellationToken.None);
                await association.ReleaseAsync(CancellationToken.None);
            }

            await stop.CancelAsync();
            await serving;
            (await File.ReadAllBytesAsync(target)).Should().Equal(content[132..]);
        }
        finally
        {
            File.Delete(source);
            File.Delete(target);
        }
    }

    /// <summary>Writes the data set to a file as it arrives (the storage layer's sink does the same with a Part 10 header).</summary>
    private sealed class FileSink(Stream file) : IMessageDataSink
    {
        public ValueTask WriteAsync(ReadOnlyMemory<byte> fragment, CancellationToken ct) => file.WriteAsync(fragment, ct);

        public async ValueTask CompleteAsync(CancellationToken ct) => await file.FlushAsync(ct);

        public ValueTask AbandonAsync(Exception reason) => ValueTask.CompletedTask;
    }
}
