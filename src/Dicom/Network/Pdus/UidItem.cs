namespace Conformance.Dicom.Network.Pdus;

/// <summary>Shared encoding of the items whose value is one UID or name.</summary>
internal static class UidItem
{
    public static int EncodedLength(string value) => ItemHeader.Size + UidText.ByteCount(value);

    public static int Write(Span<byte> destination, byte type, string value)
    {
        var length = UidText.ByteCount(value);
        ItemHeader.Write(destination, type, length);
        UidText.Write(destination[ItemHeader.Size..], value);
        return ItemHeader.Size + length;
    }

    public static string Parse(ReadOnlySpan<byte> value, int offset, string what)
    {
        if (value.Length == 0)
        {
            throw new PduFormatException($"Empty {what}", offset);
        }

        return UidText.Read(value);
    }
}
