namespace Conformance.Dicom.Network.Pdus;

/// <summary>Implementation class UID sub-item, type 0x52 (PS3.7 D.3.3.2).</summary>
public sealed record ImplementationClassUidItem(string Uid)
{
    public const byte ItemType = 0x52;

    public int EncodedLength => UidItem.EncodedLength(Uid);

    public int Write(Span<byte> destination) => UidItem.Write(destination, ItemType, Uid);

    public static ImplementationClassUidItem Parse(ReadOnlySpan<byte> value, int offset) =>
        new(UidItem.Parse(value, offset, "implementation class UID"));
}
