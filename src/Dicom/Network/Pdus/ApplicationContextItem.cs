namespace Conformance.Dicom.Network.Pdus;

/// <summary>Application context item, type 0x10 (PS3.8 9.3.2.1).</summary>
public sealed record ApplicationContextItem(string Name)
{
    public const byte ItemType = 0x10;

    /// <summary>The DICOM application context name (PS3.7 A.2.1).</summary>
    public const string DicomApplicationContext = "1.2.840.10008.3.1.1.1";

    public int EncodedLength => UidItem.EncodedLength(Name);

    public int Write(Span<byte> destination) => UidItem.Write(destination, ItemType, Name);

    public static ApplicationContextItem Parse(ReadOnlySpan<byte> value, int offset) =>
        new(UidItem.Parse(value, offset, "application context name"));
}
