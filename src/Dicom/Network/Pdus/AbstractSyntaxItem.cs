namespace Conformance.Dicom.Network.Pdus;

/// <summary>Abstract syntax sub-item, type 0x30 (PS3.8 9.3.2.2.1).</summary>
public sealed record AbstractSyntaxItem(string Uid)
{
    public const byte ItemType = 0x30;

    public int EncodedLength => UidItem.EncodedLength(Uid);

    public int Write(Span<byte> destination) => UidItem.Write(destination, ItemType, Uid);

    public static AbstractSyntaxItem Parse(ReadOnlySpan<byte> value, int offset) =>
        new(UidItem.Parse(value, offset, "abstract syntax name"));
}
