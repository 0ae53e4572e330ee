using Conformance.Dicom.Network.Pdus;
using static Conformance.Unit.Tests.Dicom.Network.GoldenBytes;

namespace Conformance.Unit.Tests.Dicom.Network.Pdus;

/// <summary>Every PDU of PS3.8 9.3, written and parsed against hand-annotated bytes.</summary>
public class PduGoldenBytesTests
{
    private const string AppContext = "1.2.840.10008.3.1.1.1";   // 21 bytes
    private const string Verification = "1.2.840.10008.1.1";     // 17 bytes
    private const string ImplicitLe = "1.2.840.10008.1.2";       // 17 bytes

    private static readonly UserInformationItem UserInfo = new()
    {
        MaximumLength = new MaximumLengthItem(16384),
        ImplementationClassUid = new ImplementationClassUidItem("1.2.3.4"),
        ImplementationVersionName = new ImplementationVersionNameItem("V1"),
    };

    private static readonly byte[] UserInfoBytes = Join(
        0x50, 0x00, 0x00, 25,                                   // user information item, length 8 + 11 + 6
        0x51, 0x00, 0x00, 0x04, 0x00, 0x00, 0x40, 0x00,         // maximum length 16384
        0x52, 0x00, 0x00, 0x07, "1.2.3.4",                      // implementation class UID
        0x55, 0x00, 0x00, 0x02, "V1");                          // implementation version name

    [Test]
    public void Associate_request()
    {
        var pdu = new AssociateRequestPdu("ANY-SCP", "ECHOSCU", new ApplicationContextItem(AppContext), [new PresentationContextRequestItem(1, Verification, [ImplicitLe])], UserInfo);
        byte[] golden = Join(
            0x01, 0x00,                                         // PDU type, reserved
            0x00, 0x00, 0x00, 172,                              // PDU length: 68 + 25 + 50 + 29
            0x00, 0x01,                                         // protocol version 1
            0x00, 0x00,                                         // reserved
            Ae("ANY-SCP"),                                      // called AE title
            Ae("ECHOSCU"),                                      // calling AE title
            Zeros(32),                                          // reserved
            0x10, 0x00, 0x00, 21, AppContext,                   // application context item
            0x20, 0x00, 0x00, 46,                               // presentation context item: 4 + 21 + 21
            0x01, 0x00, 0x00, 0x00,                             // ID 1, reserved
            0x30, 0x00, 0x00, 17, Verification,
            0x40, 0x00, 0x00, 17, ImplicitLe,
            UserInfoBytes);

        Write(pdu.Write, pdu.EncodedLength).Should().Equal(golden);
        var parsed = AssociateRequestPdu.Parse(golden.AsSpan(PduHeader.Size));
        parsed.CalledAe.Should().Be("ANY-SCP");
        parsed.CallingAe.Should().Be("ECHOSCU");
        parsed.ProtocolVersion.Should().Be(1);
        parsed.PresentationContexts.Should().BeEquivalentTo(pdu.PresentationContexts);
        Write(parsed.Write, parsed.EncodedLength).Should().Equal(golden);
    }

    [Test]
    public void Associate_accept()
    {
        var pdu = new AssociateAcceptPdu("ANY-SCP", "ECHOSCU", new ApplicationContextItem(AppContext), [new PresentationContextAcceptItem(1, PresentationContextResult.Acceptance, ImplicitLe)], UserInfo);
        byte[] golden = Join(
            0x02, 0x00,
            0x00, 0x00, 0x00, 151,                              // 68 + 25 + 29 + 29
            0x00, 0x01, 0x00, 0x00,
            Ae("ANY-SCP"), Ae("ECHOSCU"), Zeros(32),
            0x10, 0x00, 0x00, 21, AppContext,
            0x21, 0x00, 0x00, 25,                               // presentation context (AC): 4 + 21
            0x01, 0x00, 0x00, 0x00,                             // ID 1, reserved, result 0 (acceptance), reserved
            0x40, 0x00, 0x00, 17, ImplicitLe,
            UserInfoBytes);

        Write(pdu.Write, pdu.EncodedLength).Should().Equal(golden);
        var parsed = AssociateAcceptPdu.Parse(golden.AsSpan(PduHeader.Size));
        parsed.PresentationContexts.Should().Equal(pdu.PresentationContexts);
        parsed.UserInformation.MaximumLength!.MaximumLength.Should().Be(16384);
        Write(parsed.Write, parsed.EncodedLength).Should().Equal(golden);
    }

    [Test]
    public void Associate_reject()
    {
        var pdu = new AssociateRejectPdu(AssociateRejectResult.RejectedPermanent, AssociateRejectSource.ServiceUser, 7);
        byte[] golden = Join(
            0x03, 0x00, 0x00, 0x00, 0x00, 0x04,
            0x00,                                               // reserved
            0x01,                                               // result: rejected-permanent
            0x01,                                               // source: service-user
            0x07);                                              // reason: called AE title not recognized

        Write(pdu.Write, pdu.EncodedLength).Should().Equal(golden);
        AssociateRejectPdu.Parse(golden.AsSpan(PduHeader.Size)).Should().Be(pdu);
    }

    [Test]
    public void Data_transfer_with_two_pdvs()
    {
        var pdu = new DataTransferPdu(
        [
            new PresentationDataValue(1, 0x03, new byte[] { 0xA1, 0xA2, 0xA3, 0xA4 }),
            new PresentationDataValue(1, 0x02, new byte[] { 0xB1, 0xB2 }),
        ]);
        byte[] golden = Join(
            0x04, 0x00, 0x00, 0x00, 0x00, 18,                   // P-DATA-TF, length (4+2+4) + (4+2+2)
            0x00, 0x00, 0x00, 0x06,                             // PDV item length: context ID + control + 4
            0x01,                                               // presentation context ID
            0x03,                                               // message control header: command, last fragment
            0xA1, 0xA2, 0xA3, 0xA4,
            0x00, 0x00, 0x00, 0x04,
            0x01,
            0x02,                                               // data, last fragment
            0xB1, 0xB2);

        Write(pdu.Write, pdu.EncodedLength).Should().Equal(golden);
        var parsed = DataTransferPdu.Parse(golden.AsMemory(PduHeader.Size));
        parsed.Values.Should().HaveCount(2);
        parsed.Values[0].IsCommand.Should().BeTrue();
        parsed.Values[0].IsLastFragment.Should().BeTrue();
        parsed.Values[0].Fragment.ToArray().Should().Equal(0xA1, 0xA2, 0xA3, 0xA4);
        parsed.Values[1].IsCommand.Should().BeFalse();
        parsed.Values[1].Fragment.ToArray().Should().Equal(0xB1, 0xB2);
    }

    [Test]
    public void Release_request_and_response()
    {
        byte[] rq = Join(0x05, 0x00, 0x00, 0x00, 0x00, 0x04, 0x00, 0x00, 0x00, 0x00);
        byte[] rp = Join(0x06, 0x00, 0x00, 0x00, 0x00, 0x04, 0x00, 0x00, 0x00, 0x00);

        Write(ReleaseRequestPdu.Instance.Write, 10).Should().Equal(rq);
        Write(ReleaseResponsePdu.Instance.Write, 10).Should().Equal(rp);
        PduDecoder.Decode(PduType.ReleaseRequest, rq.AsMemory(6)).Should().BeOfType<ReleaseRequestPdu>();
        PduDecoder.Decode(PduType.ReleaseResponse, rp.AsMemory(6)).Should().BeOfType<ReleaseResponsePdu>();
    }

    [Test]
    public void Abort()
    {
        var pdu = new AbortPdu(AbortSource.ServiceProvider, AbortReason.InvalidPduParameterValue);
        byte[] golden = Join(
            0x07, 0x00, 0x00, 0x00, 0x00, 0x04,
            0x00, 0x00,                                         // reserved
            0x02,                                               // source: service-provider
            0x06);                                              // reason: invalid PDU parameter value

        Write(pdu.Write, pdu.EncodedLength).Should().Equal(golden);
        AbortPdu.Parse(golden.AsSpan(PduHeader.Size)).Should().Be(pdu);
    }

    [Test]
    public void A_release_request_with_a_longer_body_is_a_format_error()
    {
        var parse = () => ReleaseRequestPdu.Parse(new byte[5]);

        parse.Should().Throw<PduFormatException>().WithMessage("*5-byte body*");
    }

    [Test]
    public void An_associate_request_without_application_context_is_a_format_error()
    {
        byte[] body = Join(0x00, 0x01, 0x00, 0x00, Ae("A"), Ae("B"), Zeros(32), 0x20, 0x00, 0x00, 46, 0x01, 0x00, 0x00, 0x00, 0x30, 0x00, 0x00, 17, Verification, 0x40, 0x00, 0x00, 17, ImplicitLe, UserInfoBytes);

        var parse = () => AssociateRequestPdu.Parse(body);

        parse.Should().Throw<PduFormatException>().WithMessage("*application context*");
    }

    [Test]
    public void An_associate_request_item_longer_than_the_pdu_is_a_format_error()
    {
        byte[] body = Join(0x00, 0x01, 0x00, 0x00, Ae("A"), Ae("B"), Zeros(32), 0x10, 0x00, 0x01, 0x00, AppContext);

        var parse = () => AssociateRequestPdu.Parse(body);

        parse.Should().Throw<PduFormatException>().Which.Offset.Should().Be(PduHeader.Size + 68);
    }

    [Test]
    public void A_pdv_longer_than_the_pdu_body_is_a_format_error()
    {
        byte[] body = Join(0x00, 0x00, 0x01, 0x00, 0x01, 0x03, 0xAA);

        var parse = () => DataTransferPdu.Parse(body);

        parse.Should().Throw<PduFormatException>().WithMessage("*PDV item declares 256 bytes*");
    }

    [Test]
    public void A_pdv_control_header_with_reserved_bits_is_a_format_error()
    {
        byte[] body = Join(0x00, 0x00, 0x00, 0x03, 0x01, 0x07, 0xAA);

        var parse = () => DataTransferPdu.Parse(body);

        parse.Should().Throw<PduFormatException>().WithMessage("*reserved bits*");
    }

    [Test]
    public void An_unknown_pdu_type_is_unrecognized()
    {
        var decode = () => PduDecoder.Decode((PduType)0x09, new byte[4]);

        decode.Should().Throw<PduFormatException>().Which.AbortReason.Should().Be(AbortReason.UnrecognizedPdu);
    }
}
