using Conformance.Dicom.Network.Pdus;
using static Conformance.Unit.Tests.Dicom.Network.GoldenBytes;

namespace Conformance.Unit.Tests.Dicom.Network.Pdus;

/// <summary>Every item and sub-item of PS3.8 9.3 and PS3.7 annex D, written and parsed against hand-annotated bytes.</summary>
public class ItemGoldenBytesTests
{
    private const string Verification = "1.2.840.10008.1.1";     // 17 bytes
    private const string ImplicitLe = "1.2.840.10008.1.2";       // 17 bytes
    private const string ExplicitLe = "1.2.840.10008.1.2.1";     // 19 bytes

    [Test]
    public void Application_context_item()
    {
        var item = new ApplicationContextItem("1.2.840.10008.3.1.1.1");
        byte[] golden = Join(
            0x10, 0x00,            // item type, reserved
            0x00, 21,              // item length
            "1.2.840.10008.3.1.1.1");

        Write(item.Write, item.EncodedLength).Should().Equal(golden);
        ApplicationContextItem.Parse(golden.AsSpan(4), 4).Should().Be(item);
    }

    [Test]
    public void Abstract_and_transfer_syntax_sub_items()
    {
        var abstractSyntax = new AbstractSyntaxItem(Verification);
        var transferSyntax = new TransferSyntaxItem(ExplicitLe);
        byte[] abstractGolden = Join(0x30, 0x00, 0x00, 17, Verification);
        byte[] transferGolden = Join(0x40, 0x00, 0x00, 19, ExplicitLe);

        Write(abstractSyntax.Write, abstractSyntax.EncodedLength).Should().Equal(abstractGolden);
        Write(transferSyntax.Write, transferSyntax.EncodedLength).Should().Equal(transferGolden);
        AbstractSyntaxItem.Parse(abstractGolden.AsSpan(4), 4).Should().Be(abstractSyntax);
        TransferSyntaxItem.Parse(transferGolden.AsSpan(4), 4).Should().Be(transferSyntax);
    }

    [Test]
    public void Transfer_syntax_with_a_trailing_nul_from_a_peer_is_read_without_it()
    {
        TransferSyntaxItem.Parse(Join(ImplicitLe, 0x00), 4).Uid.Should().Be(ImplicitLe);
    }

    [Test]
    public void Presentation_context_request_item()
    {
        var item = new PresentationContextRequestItem(3, Verification, [ExplicitLe, ImplicitLe]);
        byte[] golden = Join(
            0x20, 0x00,            // item type, reserved
            0x00, 69,              // item length: 4 + (4+17) + (4+19) + (4+17)
            3, 0x00, 0x00, 0x00,   // presentation context ID, 3 reserved bytes
            0x30, 0x00, 0x00, 17, Verification,
            0x40, 0x00, 0x00, 19, ExplicitLe,
            0x40, 0x00, 0x00, 17, ImplicitLe);

        Write(item.Write, item.EncodedLength).Should().Equal(golden);
        PresentationContextRequestItem.Parse(golden.AsSpan(4), 4).Should().BeEquivalentTo(item);
    }

    [Test]
    public void Presentation_context_accept_item()
    {
        var item = new PresentationContextAcceptItem(3, PresentationContextResult.Acceptance, ExplicitLe);
        byte[] golden = Join(
            0x21, 0x00,
            0x00, 27,              // 4 + 23
            3, 0x00,               // presentation context ID, reserved
            0x00, 0x00,            // result/reason: acceptance, reserved
            0x40, 0x00, 0x00, 19, ExplicitLe);

        Write(item.Write, item.EncodedLength).Should().Equal(golden);
        PresentationContextAcceptItem.Parse(golden.AsSpan(4), 4).Should().Be(item);
    }

    [Test]
    public void Rejected_presentation_context_accept_item_carries_its_reason()
    {
        byte[] value = Join(5, 0x00, 0x03, 0x00, 0x40, 0x00, 0x00, 0x00);   // abstract syntax not supported, empty TS

        var item = PresentationContextAcceptItem.Parse(value, 4);

        item.Result.Should().Be(PresentationContextResult.AbstractSyntaxNotSupported);
        item.Id.Should().Be(5);
    }

    [Test]
    public void Maximum_length_sub_item()
    {
        var item = new MaximumLengthItem(16384);
        byte[] golden = Join(0x51, 0x00, 0x00, 0x04, 0x00, 0x00, 0x40, 0x00);

        Write(item.Write, item.EncodedLength).Should().Equal(golden);
        MaximumLengthItem.Parse(golden.AsSpan(4), 4).Should().Be(item);
    }

    [Test]
    public void Implementation_class_uid_and_version_name_sub_items()
    {
        var uid = new ImplementationClassUidItem("1.2.3.4");
        var name = new ImplementationVersionNameItem("CONFORMANCE_0_1");
        byte[] uidGolden = Join(0x52, 0x00, 0x00, 7, "1.2.3.4");
        byte[] nameGolden = Join(0x55, 0x00, 0x00, 15, "CONFORMANCE_0_1");

        Write(uid.Write, uid.EncodedLength).Should().Equal(uidGolden);
        Write(name.Write, name.EncodedLength).Should().Equal(nameGolden);
        ImplementationClassUidItem.Parse(uidGolden.AsSpan(4), 4).Should().Be(uid);
        ImplementationVersionNameItem.Parse(nameGolden.AsSpan(4), 4).Should().Be(name);
    }

    [Test]
    public void Asynchronous_operations_window_sub_item()
    {
        var item = new AsynchronousOperationsWindowItem(8, 1);
        byte[] golden = Join(
            0x53, 0x00, 0x00, 0x04,
            0x00, 0x08,            // maximum number of operations invoked
            0x00, 0x01);           // maximum number of operations performed

        Write(item.Write, item.EncodedLength).Should().Equal(golden);
        AsynchronousOperationsWindowItem.Parse(golden.AsSpan(4), 4).Should().Be(item);
    }

    [Test]
    public void Role_selection_sub_item()
    {
        var item = new RoleSelectionItem(Verification, ScuRole: false, ScpRole: true);
        byte[] golden = Join(
            0x54, 0x00,
            0x00, 21,              // 2 + 17 + 2
            0x00, 17, Verification, // UID length, SOP class UID
            0x00,                  // SCU role: no
            0x01);                 // SCP role: yes

        Write(item.Write, item.EncodedLength).Should().Equal(golden);
        RoleSelectionItem.Parse(golden.AsSpan(4), 4).Should().Be(item);
    }

    [Test]
    public void Sop_class_extended_negotiation_sub_item()
    {
        var item = new SopClassExtendedNegotiationItem(Verification, new byte[] { 0x01, 0x00, 0x01 });
        byte[] golden = Join(
            0x56, 0x00,
            0x00, 22,              // 2 + 17 + 3
            0x00, 17, Verification,
            0x01, 0x00, 0x01);     // service-class-application-information

        Write(item.Write, item.EncodedLength).Should().Equal(golden);
        var parsed = SopClassExtendedNegotiationItem.Parse(golden.AsSpan(4), 4);
        parsed.SopClassUid.Should().Be(Verification);
        parsed.ServiceClassApplicationInformation.ToArray().Should().Equal(0x01, 0x00, 0x01);
    }

    [Test]
    public void Sop_class_common_extended_negotiation_sub_item()
    {
        var item = new SopClassCommonExtendedNegotiationItem("1.2.3", "1.2.4", ["1.2.5", "1.2.66"]);
        byte[] golden = Join(
            0x57, 0x00,            // item type, sub-item version 0
            0x00, 31,              // 2+5 + 2+5 + 2 + (2+5 + 2+6)
            0x00, 5, "1.2.3",      // SOP class UID
            0x00, 5, "1.2.4",      // service class UID
            0x00, 15,              // related general SOP class identification length
            0x00, 5, "1.2.5",
            0x00, 6, "1.2.66");

        Write(item.Write, item.EncodedLength).Should().Equal(golden);
        SopClassCommonExtendedNegotiationItem.Parse(golden.AsSpan(4), 4).Should().BeEquivalentTo(item);
    }

    [Test]
    public void User_identity_request_sub_item_username_and_passcode()
    {
        var item = new UserIdentityRequestItem(UserIdentityType.UsernameAndPasscode, true, "bob"u8.ToArray(), "pw"u8.ToArray());
        byte[] golden = Join(
            0x58, 0x00,
            0x00, 11,              // 2 + 2+3 + 2+2
            0x02,                  // user identity type: username and passcode
            0x01,                  // positive response requested
            0x00, 3, "bob",        // primary field
            0x00, 2, "pw");        // secondary field

        Write(item.Write, item.EncodedLength).Should().Equal(golden);
        var parsed = UserIdentityRequestItem.Parse(golden.AsSpan(4), 4);
        parsed.IdentityType.Should().Be(UserIdentityType.UsernameAndPasscode);
        parsed.PositiveResponseRequested.Should().BeTrue();
        parsed.PrimaryField.ToArray().Should().Equal("bob"u8.ToArray());
        parsed.SecondaryField.ToArray().Should().Equal("pw"u8.ToArray());
    }

    [Test]
    public void User_identity_accept_sub_item()
    {
        var item = new UserIdentityAcceptItem("ok"u8.ToArray());
        byte[] golden = Join(0x59, 0x00, 0x00, 4, 0x00, 2, "ok");

        Write(item.Write, item.EncodedLength).Should().Equal(golden);
        UserIdentityAcceptItem.Parse(golden.AsSpan(4), 4).ServerResponse.ToArray().Should().Equal("ok"u8.ToArray());
    }

    [Test]
    public void User_information_item_writes_sub_items_in_type_order_and_skips_unknown_ones()
    {
        var item = new UserInformationItem
        {
            MaximumLength = new MaximumLengthItem(0),
            ImplementationClassUid = new ImplementationClassUidItem("1.2"),
            AsynchronousOperationsWindow = new AsynchronousOperationsWindowItem(0, 0),
            RoleSelections = [new RoleSelectionItem("1.3", true, true)],
            ImplementationVersionName = new ImplementationVersionNameItem("V"),
            UserIdentityRequest = new UserIdentityRequestItem(UserIdentityType.Username, false, "u"u8.ToArray(), ReadOnlyMemory<byte>.Empty),
        };
        byte[] golden = Join(
            0x50, 0x00, 0x00, 50,  // 8 + 7 + 8 + 11 + 5 + 11
            0x51, 0x00, 0x00, 0x04, 0x00, 0x00, 0x00, 0x00,
            0x52, 0x00, 0x00, 0x03, "1.2",
            0x53, 0x00, 0x00, 0x04, 0x00, 0x00, 0x00, 0x00,
            0x54, 0x00, 0x00, 0x07, 0x00, 0x03, "1.3", 0x01, 0x01,
            0x55, 0x00, 0x00, 0x01, "V",
            0x58, 0x00, 0x00, 0x07, 0x01, 0x00, 0x00, 0x01, "u", 0x00, 0x00);
        byte[] withUnknown = Join(golden[..4], golden[4..], 0x7F, 0x00, 0x00, 0x02, 0xAA, 0xBB);
        withUnknown[3] = 50 + 6;

        Write(item.Write, item.EncodedLength).Should().Equal(golden);
        var parsed = UserInformationItem.Parse(withUnknown.AsSpan(4), 4);
        parsed.MaximumLength.Should().Be(item.MaximumLength);
        parsed.RoleSelections.Should().Equal(item.RoleSelections);
        parsed.ImplementationVersionName.Should().Be(item.ImplementationVersionName);
        Write(parsed.Write, parsed.EncodedLength).Should().Equal(golden, "the unknown sub-item is skipped and the rest reads back exactly");
    }

    [Test]
    public void A_sub_item_longer_than_what_remains_is_a_format_error_with_its_offset()
    {
        byte[] value = Join(0x51, 0x00, 0x00, 0x08, 0x00, 0x00, 0x40, 0x00);   // declares 8, holds 4

        var parse = () => UserInformationItem.Parse(value, 78);

        parse.Should().Throw<PduFormatException>().Which.Offset.Should().Be(78);
    }

    [Test]
    public void A_maximum_length_sub_item_of_the_wrong_size_is_rejected()
    {
        var parse = () => MaximumLengthItem.Parse(new byte[] { 0, 0, 1 }, 10);

        parse.Should().Throw<PduFormatException>().WithMessage("*3 bytes instead of 4*");
    }

    [TestCase(new byte[] { 0x20, 0x20 })]
    [TestCase(new byte[] { 0x00 })]
    [TestCase(new byte[] { 0x20, 0x00, 0x20, 0x00 })]
    public void A_UID_item_of_padding_only_is_refused_like_an_empty_one(byte[] padding)
    {
        // Read as "", it would be written back as an item of length 0, which the parser refuses (tests/Fuzz/crashes/pdu).
        var parse = () => TransferSyntaxItem.Parse(padding, 40);

        parse.Should().Throw<PduFormatException>().WithMessage("*transfer syntax*padding*").Which.Offset.Should().Be(40);
    }

    [Test]
    public void A_presentation_context_without_transfer_syntax_is_rejected()
    {
        byte[] value = Join(1, 0, 0, 0, 0x30, 0x00, 0x00, 17, Verification);

        var parse = () => PresentationContextRequestItem.Parse(value, 4);

        parse.Should().Throw<PduFormatException>();
    }

    [Test]
    public void Unknown_sub_items_inside_presentation_context_items_are_ignored_PS3_8_9_3_1()
    {
        byte[] request = Join(1, 0, 0, 0, 0x30, 0x00, 0x00, 17, Verification, 0x7F, 0x00, 0x00, 0x02, 0xAA, 0xBB, 0x40, 0x00, 0x00, 17, "1.2.840.10008.1.2");
        byte[] accept = Join(1, 0, 0, 0, 0x7F, 0x00, 0x00, 0x01, 0xAA, 0x40, 0x00, 0x00, 17, "1.2.840.10008.1.2");

        PresentationContextRequestItem.Parse(request, 4).Should().BeEquivalentTo(new PresentationContextRequestItem(1, Verification, ["1.2.840.10008.1.2"]));
        PresentationContextAcceptItem.Parse(accept, 4).Should().Be(new PresentationContextAcceptItem(1, PresentationContextResult.Acceptance, "1.2.840.10008.1.2"));
    }
}
