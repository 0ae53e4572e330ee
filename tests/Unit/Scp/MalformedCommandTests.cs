using Conformance.Dicom.Network.Association;
using Conformance.Dicom.Network.Association.Negotiation;
using Conformance.Dicom.Network.Dimse;
using Conformance.Dicom.Network.Transport;
using Conformance.Scp;
using Conformance.Scp.Storage;

namespace Conformance.Unit.Tests.Scp;

/// <summary>
/// A request the SCP cannot read gets a failure status when a response can be addressed (PS3.7 Annex C), else an
/// A-ABORT; either way the SCP serves on and its disposal throws nothing.
/// </summary>
public class MalformedCommandTests
{
    private DicomServer _server = null!;

    [SetUp]
    public async Task Start() =>
        _server = await DicomServer.StartAsync(new DicomServerOptions { AeTitle = "SCP", Storage = new MemoryInstanceStorage() });

    [TearDown]
    public async Task Stop() =>
        await FluentActions.Awaiting(async () => await _server.DisposeAsync()).Should().NotThrowAsync("nothing escapes the server's handlers");

    [Test]
    public async Task An_unknown_command_field_is_answered_0211_unrecognized_operation_and_the_association_goes_on()
    {
        var command = new CommandSet();
        command.SetUInt16(CommandTag.CommandField, 0x0040);
        command.SetUInt16(CommandTag.MessageID, 7);
        command.SetUInt16(CommandTag.CommandDataSetType, 0x0101);

        await using var association = await ConnectAsync();
        var response = await ExchangeAsync(association, CommandSetCodec.Encode(command), null);

        response.GetUInt16(CommandTag.CommandField).Should().Be(0x8040);
        response.GetUInt16(CommandTag.MessageIDBeingRespondedTo).Should().Be(7);
        response.GetUInt16(CommandTag.Status).Should().Be(DimseStatus.UnrecognizedOperation.Code);
        await EchoStillWorksAsync(association);
    }

    [Test]
    public async Task A_C_STORE_without_its_SOP_Instance_UID_is_answered_C000_and_the_association_goes_on()
    {
        var command = new CommandSet();
        command.SetString(CommandTag.AffectedSOPClassUID, ServerTestObjects.SecondaryCapture);
        command.SetUInt16(CommandTag.CommandField, (ushort)CommandField.CStoreRequest);
        command.SetUInt16(CommandTag.MessageID, 9);
        command.SetUInt16(CommandTag.Priority, 0);
        command.SetUInt16(CommandTag.CommandDataSetType, 0x0001);

        await using var association = await ConnectAsync();
        var response = await ExchangeAsync(association, CommandSetCodec.Encode(command), new MemoryMessageData(new byte[] { 0x08, 0x00, 0x16, 0x00, 0, 0, 0, 0 }));

        response.GetUInt16(CommandTag.CommandField).Should().Be((ushort)CommandField.CStoreResponse);
        response.GetUInt16(CommandTag.MessageIDBeingRespondedTo).Should().Be(9);
        response.GetUInt16(CommandTag.Status).Should().Be(DimseStatus.CannotUnderstand.Code);
        response.GetString(CommandTag.ErrorComment).Should().NotBeNullOrEmpty();
        await EchoStillWorksAsync(association);
    }

    [Test]
    public async Task A_command_set_without_a_Message_ID_cannot_be_answered_and_is_aborted()
    {
        var command = new CommandSet();
        command.SetUInt16(CommandTag.CommandField, (ushort)CommandField.CEchoRequest);
        command.SetUInt16(CommandTag.CommandDataSetType, 0x0101);

        await using var association = await ConnectAsync();
        await association.SendAsync(1, CommandSetCodec.Encode(command), null, CancellationToken.None);

        await FluentActions.Awaiting(async () => await association.ReceiveAsync(_ => DiscardDataSink.Instance, CancellationToken.None))
            .Should().ThrowAsync<AssociationAbortedException>();
        (await new Conformance.Dicom.Network.Services.Scu.DicomScu(new() { Host = "127.0.0.1", Port = _server.Port, CalledAe = "SCP" }).EchoAsync())
            .Status.Should().Be(DimseStatus.Success, "the SCP serves the next association");
    }

    private async Task<DicomAssociation> ConnectAsync() =>
        await DicomAssociation.ConnectAsync(new AssociationRequest
        {
            CalledAe = "SCP", Host = "127.0.0.1", Port = _server.Port,
            PresentationContexts =
            [
                new PresentationContextProposal(NegotiationUids.Verification, NegotiationUids.ImplicitVrLittleEndian),
                new PresentationContextProposal(ServerTestObjects.SecondaryCapture, NegotiationUids.ImplicitVrLittleEndian),
            ],
        }, ConnectionOptions.Default, CancellationToken.None);

    private static async Task<CommandSet> ExchangeAsync(DicomAssociation association, byte[] command, IMessageData? data)
    {
        var contextId = data is null ? (byte)1 : (byte)3;
        await association.SendAsync(contextId, command, data, CancellationToken.None);
        var message = await association.ReceiveAsync(_ => new MemoryDataSink(), TimeSpan.FromSeconds(20), CancellationToken.None);
        message.Should().NotBeNull("the SCP answers");
        message!.PresentationContextId.Should().Be(contextId);
        return CommandSetCodec.Decode(message.CommandSet.Span);
    }

    private static async Task EchoStillWorksAsync(DicomAssociation association)
    {
        var response = await ExchangeAsync(association, new CEchoRequest { MessageId = 11 }.Encode(), null);
        response.GetUInt16(CommandTag.Status).Should().Be(DimseStatus.Success.Code);
        await association.ReleaseAsync(CancellationToken.None);
    }
}
