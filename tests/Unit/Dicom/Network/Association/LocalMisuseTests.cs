using Conformance.Dicom.Network.Association;
using Conformance.Dicom.Network.Association.Verification;
using Conformance.Dicom.Network.Pdus;
using Conformance.Dicom.Network.StateMachine;
using Conformance.Dicom.Network.Transport;

namespace Conformance.Unit.Tests.Dicom.Network.Association;

/// <summary>What our side sends when its own user misuses the association or ends it mid-message (issue 10).</summary>
public class LocalMisuseTests
{
    private static readonly ConnectionOptions OneSecondArtim = ConnectionOptions.Default with { ArtimTimeout = TimeSpan.FromSeconds(1) };

    [Test]
    public async Task No_P_DATA_follows_our_own_A_RELEASE_RP()
    {
        await using var h = await RequestorHarness.StartAsync(OneSecondArtim);
        var association = await h.EstablishAsync();
        var send = association.SendAsync(1, FragmentationTests.CommandWithDataSet(), new GeneratedData(64L * 1024 * 1024), CancellationToken.None).AsTask();

        await h.Parrot.SendAsync(ReleaseRequestPdu.Instance);
        while ((await h.Parrot.ReadPduAsync()).Type == PduType.DataTransfer)
        {
        }

        (await h.Parrot.IsClosedAsync()).Should().BeTrue("after A-RELEASE-RP nothing but the close may come (Evt9 is not allowed in Sta13)");
        (await send.Awaiting(s => s).Should().ThrowAsync<AssociationStateException>()).Which.State.Should().Be(AssociationState.Sta13);
    }

    [Test]
    public async Task No_P_DATA_follows_our_own_A_ABORT()
    {
        await using var h = await RequestorHarness.StartAsync(OneSecondArtim);
        var association = await h.EstablishAsync();
        var send = association.SendAsync(1, FragmentationTests.CommandWithDataSet(), new GeneratedData(64L * 1024 * 1024), CancellationToken.None).AsTask();
        await h.Parrot.ReadPduAsync();

        var abort = association.AbortAsync(CancellationToken.None);
        while ((await h.Parrot.ReadPduAsync()).Type == PduType.DataTransfer)
        {
        }

        (await h.Parrot.IsClosedAsync()).Should().BeTrue("after our A-ABORT nothing but the close may come");
        await send.Awaiting(s => s).Should().ThrowAsync<Conformance.Dicom.Network.DicomNetworkException>();
        await abort;
    }

    [Test]
    public async Task Sending_after_our_release_request_aborts_the_association_and_names_the_state()
    {
        await using var h = await RequestorHarness.StartAsync();
        var association = await h.EstablishAsync();
        var release = association.ReleaseAsync(CancellationToken.None);
        (await h.Parrot.ReadPduAsync()).Type.Should().Be(PduType.ReleaseRequest);

        var send = () => association.SendAsync(1, EchoCommandSet.Request(1), null, CancellationToken.None).AsTask();

        (await send.Should().ThrowAsync<AssociationStateException>()).Which.State.Should().Be(AssociationState.Sta7);
        (await h.Parrot.ReadAbortAsync()).Source.Should().Be(AbortSource.ServiceUser, "the message the user meant to send is lost: the peer must not take the release as clean");
        await release.Awaiting(r => r).Should().ThrowAsync<AssociationAbortedException>();
    }

    [Test]
    public async Task A_data_source_failing_mid_message_aborts_the_association()
    {
        await using var h = await RequestorHarness.StartAsync();
        var association = await h.EstablishAsync();

        var send = () => association.SendAsync(1, FragmentationTests.CommandWithDataSet(), new GeneratedData(4L * 1024 * 1024, failAt: 1024 * 1024), CancellationToken.None).AsTask();

        var thrown = (await send.Should().ThrowAsync<AssociationAbortedException>()).Which;
        thrown.State.Should().Be(AssociationState.Sta6);
        thrown.InnerException.Should().BeOfType<IOException>();
        while ((await h.Parrot.ReadPduAsync()).Type == PduType.DataTransfer)
        {
        }

        association.Failure.Should().BeSameAs(thrown);
    }

    /// <summary>Bytes made on demand (no 64 MB array); optionally an I/O error at an offset.</summary>
    private sealed class GeneratedData(long length, long failAt = -1) : IMessageData
    {
        public long Length => length;

        public ValueTask ReadAsync(long offset, Memory<byte> destination, CancellationToken ct)
        {
            if (failAt >= 0 && offset + destination.Length > failAt)
            {
                throw new IOException("the disk went away");
            }

            destination.Span.Fill((byte)offset);
            return ValueTask.CompletedTask;
        }
    }
}
