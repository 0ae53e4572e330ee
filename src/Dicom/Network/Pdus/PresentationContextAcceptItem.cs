namespace Conformance.Dicom.Network.Pdus;

/// <summary>
/// Presentation context item of A-ASSOCIATE-AC, type 0x21 (PS3.8 9.3.3.2): context ID, reserved,
/// result/reason, reserved, one transfer syntax sub-item (not significant unless accepted).
/// </summary>
public sealed record PresentationContextAcceptItem(byte Id, PresentationContextResult Result, string TransferSyntax) : IPresentationContextItem<PresentationContextAcceptItem>
{
    public const byte ItemType = 0x21;

    static byte IPresentationContextItem<PresentationContextAcceptItem>.Type => ItemType;

    public int EncodedLength => ItemHeader.Size + 4 + UidItem.EncodedLength(TransferSyntax);

    public int Write(Span<byte> destination)
    {
        var total = EncodedLength;
        ItemHeader.Write(destination, ItemType, total - ItemHeader.Size);
        destination[4] = Id;
        destination[5] = 0;
        destination[6] = (byte)Result;
        destination[7] = 0;
        UidItem.Write(destination[8..], TransferSyntaxItem.ItemType, TransferSyntax);
        return total;
    }

    public static PresentationContextAcceptItem Parse(ReadOnlySpan<byte> value, int offset)
    {
        if (value.Length < 4)
        {
            throw new PduFormatException("Presentation context item shorter than its 4 fixed bytes", offset);
        }

        if (value[2] > (byte)PresentationContextResult.TransferSyntaxesNotSupported)
        {
            throw new PduFormatException($"Presentation context result {value[2]} is not defined", offset + 2);
        }

        var transferSyntax = string.Empty;
        var reader = new ItemSequenceReader(value[4..], offset + 4);
        while (reader.MoveNext())
        {
            if (reader.Type != TransferSyntaxItem.ItemType)
            {
                // PS3.8 9.3.1: items of unrecognised types are ignored.
                continue;
            }

            // A rejected context may carry an empty transfer syntax sub-item.
            transferSyntax = UidText.Read(reader.Value);
        }

        var result = (PresentationContextResult)value[2];
        if (result == PresentationContextResult.Acceptance && transferSyntax.Length == 0)
        {
            throw new PduFormatException($"Accepted presentation context {value[0]} lacks a transfer syntax", offset);
        }

        return new PresentationContextAcceptItem(value[0], result, transferSyntax);
    }
}
