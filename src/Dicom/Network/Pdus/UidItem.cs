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

    /// <summary>
    /// The value without its padding; a value that is empty, or only padding (spaces, NULs), is refused: it names
    /// nothing, and written back it would be an item of length 0, which this parser refuses (fuzz finding).
    /// </summary>
    public static string Parse(ReadOnlySpan<byte> value, int offset, string what)
    {
        if (value.Length == 0)
        {
            throw new PduFormatException($"Empty {what}", offset);
        }

        var text = UidText.Read(value);
        if (text.Length == 0)
        {
            throw new PduFormatException($"The {what} is only padding ({value.Length} bytes of spaces or NULs)", offset);
        }

        return text;
    }
}
