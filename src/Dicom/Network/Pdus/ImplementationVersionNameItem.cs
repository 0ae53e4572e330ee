namespace Conformance.Dicom.Network.Pdus;

/// <summary>Implementation version name sub-item, type 0x55 (PS3.7 D.3.3.2): 1 to 16 characters.</summary>
public sealed record ImplementationVersionNameItem(string Name)
{
    public const byte ItemType = 0x55;

    public int EncodedLength => UidItem.EncodedLength(Name);

    public int Write(Span<byte> destination) => UidItem.Write(destination, ItemType, Name);

    public static ImplementationVersionNameItem Parse(ReadOnlySpan<byte> value, int offset) =>
        new(UidItem.Parse(value, offset, "implementation version name"));
}
