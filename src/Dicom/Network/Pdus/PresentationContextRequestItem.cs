namespace Conformance.Dicom.Network.Pdus;

/// <summary>
/// Presentation context item of A-ASSOCIATE-RQ, type 0x20 (PS3.8 9.3.2.2): context ID, three
/// reserved bytes, one abstract syntax sub-item, one or more transfer syntax sub-items.
/// </summary>
public sealed record PresentationContextRequestItem(byte Id, string AbstractSyntax, IReadOnlyList<string> TransferSyntaxes) : IPresentationContextItem<PresentationContextRequestItem>
{
    public const byte ItemType = 0x20;

    static byte IPresentationContextItem<PresentationContextRequestItem>.Type => ItemType;

    public int EncodedLength
    {
        get
        {
            var length = ItemHeader.Size + 4 + UidItem.EncodedLength(AbstractSyntax);
            foreach (var ts in TransferSyntaxes)
            {
                length += UidItem.EncodedLength(ts);
            }

            return length;
        }
    }

    public int Write(Span<byte> destination)
    {
        var total = EncodedLength;
        ItemHeader.Write(destination, ItemType, total - ItemHeader.Size);
        destination[4] = Id;
        destination[5] = 0;
        destination[6] = 0;
        destination[7] = 0;
        var position = 8;
        position += UidItem.Write(destination[position..], AbstractSyntaxItem.ItemType, AbstractSyntax);
        foreach (var ts in TransferSyntaxes)
        {
            position += UidItem.Write(destination[position..], TransferSyntaxItem.ItemType, ts);
        }

        return position;
    }

    public static PresentationContextRequestItem Parse(ReadOnlySpan<byte> value, int offset)
    {
        if (value.Length < 4)
        {
            throw new PduFormatException("Presentation context item shorter than its 4 fixed bytes", offset);
        }

        string? abstractSyntax = null;
        var transferSyntaxes = new List<string>();
        var reader = new ItemSequenceReader(value[4..], offset + 4);
        while (reader.MoveNext())
        {
            switch (reader.Type)
            {
                case AbstractSyntaxItem.ItemType when abstractSyntax is null:
                    abstractSyntax = AbstractSyntaxItem.Parse(reader.Value, reader.ValueOffset).Uid;
                    break;
                case AbstractSyntaxItem.ItemType:
                    throw new PduFormatException("Second abstract syntax sub-item in a presentation context", reader.ValueOffset - 4, AbortReason.UnexpectedPduParameter);
                case TransferSyntaxItem.ItemType:
                    transferSyntaxes.Add(TransferSyntaxItem.Parse(reader.Value, reader.ValueOffset).Uid);
                    break;
                default:
                    // PS3.8 9.3.1: items of unrecognised types are ignored.
                    break;
            }
        }

        if (abstractSyntax is null || transferSyntaxes.Count == 0)
        {
            throw new PduFormatException($"Presentation context {value[0]} lacks an abstract syntax or a transfer syntax", offset);
        }

        return new PresentationContextRequestItem(value[0], abstractSyntax, transferSyntaxes);
    }
}
