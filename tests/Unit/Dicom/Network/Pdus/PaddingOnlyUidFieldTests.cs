using Conformance.Dicom.Network.Pdus;

namespace Conformance.Unit.Tests.Dicom.Network.Pdus;

/// <summary>
/// A length-prefixed UID field of padding only (spaces, NULs) names nothing: read as empty it would be written back
/// with length 0, which the parsers refuse, so it is refused on reading (the bounded CI fuzz run found it in the SOP
/// class extended negotiation sub-item; reproducer tests/Fuzz/crashes/pdu/06557c09afc2da06.bin).
/// </summary>
public class PaddingOnlyUidFieldTests
{
    private static readonly byte[] Padding = [0x20, 0x00];

    [Test]
    public void SOP_class_extended_negotiation_with_a_padding_only_UID_is_refused()
    {
        var parse = () => SopClassExtendedNegotiationItem.Parse([0x00, 0x02, .. Padding, 0x01], 12);

        parse.Should().Throw<PduFormatException>().WithMessage("*padding*").Which.Offset.Should().Be(12);
    }

    [Test]
    public void Role_selection_with_a_padding_only_UID_is_refused()
    {
        var parse = () => RoleSelectionItem.Parse([0x00, 0x02, .. Padding, 0x01, 0x01], 12);

        parse.Should().Throw<PduFormatException>().WithMessage("*padding*");
    }

    [Test]
    public void Common_extended_negotiation_with_a_padding_only_SOP_class_UID_is_refused()
    {
        byte[] service = [.. "1.2"u8, 0x00];
        var parse = () => SopClassCommonExtendedNegotiationItem.Parse([0x00, 0x02, .. Padding, 0x00, 0x04, .. service, 0x00, 0x00], 12);

        parse.Should().Throw<PduFormatException>().WithMessage("*padding*");
    }
}
