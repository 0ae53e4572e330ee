namespace Conformance.Dicom.Network.Pdus;

/// <summary>Transfer syntax sub-item, type 0x40 (PS3.8 9.3.2.2.2).</summary>
public sealed record TransferSyntaxItem(string Uid)
{
    public const byte ItemType = 0x40;

    public int EncodedLength => UidItem.EncodedLength(Uid);

    public int Write(Span<byte> destination) => UidItem.Write(destination, ItemType, Uid);

    public static TransferSyntaxItem Parse(ReadOnlySpan<byte> value, int offset) =>
        new(UidItem.Parse(value, offset, "transfer syntax name"));
}
