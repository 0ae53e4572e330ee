using System.Buffers.Binary;

namespace Conformance.Dicom.Network.Pdus;

/// <summary>Walks the PDV items of a P-DATA-TF body without allocating, checking each declared length.</summary>
public ref struct PdvReader
{
    private readonly ReadOnlySpan<byte> _body;
    private int _position;

    public PdvReader(ReadOnlySpan<byte> body)
    {
        _body = body;
        _position = 0;
        PresentationContextId = 0;
        MessageControlHeader = 0;
        Fragment = default;
        FragmentOffset = 0;
    }

    public byte PresentationContextId { get; private set; }

    public byte MessageControlHeader { get; private set; }

    public ReadOnlySpan<byte> Fragment { get; private set; }

    /// <summary>Offset of <see cref="Fragment"/> within the body.</summary>
    public int FragmentOffset { get; private set; }

    public readonly bool IsCommand => (MessageControlHeader & PresentationDataValue.CommandBit) != 0;

    public readonly bool IsLastFragment => (MessageControlHeader & PresentationDataValue.LastFragmentBit) != 0;

    /// <summary>
    /// Reads the PDV header at <paramref name="position"/> for callers that cannot hold a ref struct
    /// across awaits; returns the position of the next PDV, or -1 at the end of the body.
    /// </summary>
    public static int ReadAt(ReadOnlySpan<byte> body, int position, out byte presentationContextId, out byte messageControlHeader, out int fragmentOffset, out int fragmentLength)
    {
        var reader = new PdvReader(body) { _position = position };
        if (!reader.MoveNext())
        {
            presentationContextId = 0;
            messageControlHeader = 0;
            fragmentOffset = 0;
            fragmentLength = 0;
            return -1;
        }

        presentationContextId = reader.PresentationContextId;
        messageControlHeader = reader.MessageControlHeader;
        fragmentOffset = reader.FragmentOffset;
        fragmentLength = reader.Fragment.Length;
        return reader._position;
    }

    public bool MoveNext()
    {
        var remaining = _body.Length - _position;
        if (remaining == 0)
        {
            return false;
        }

        if (remaining < PresentationDataValue.HeaderSize)
        {
            throw new PduFormatException($"Truncated PDV item header: {remaining} bytes left", PduHeader.Size + _position);
        }

        var itemLength = ReadHeader(_body[_position..], remaining, PduHeader.Size + _position, out var contextId, out var control);
        PresentationContextId = contextId;
        MessageControlHeader = control;
        FragmentOffset = _position + PresentationDataValue.HeaderSize;
        Fragment = _body.Slice(FragmentOffset, (int)itemLength - 2);
        _position += 4 + (int)itemLength;
        return true;
    }

    /// <summary>
    /// Checks one PDV item header (PS3.8 9.3.5.1): the item length (at least context ID and control header,
    /// at most the <paramref name="remaining"/> body bytes after its length field) and the reserved control bits.
    /// Shared by this reader and the PDU reader's slice-by-slice path for P-DATA-TF too large to buffer whole.
    /// </summary>
    /// <returns>The item length: context ID, control header and fragment.</returns>
    public static uint ReadHeader(ReadOnlySpan<byte> header, long remaining, int offset, out byte presentationContextId, out byte messageControlHeader)
    {
        var itemLength = BinaryPrimitives.ReadUInt32BigEndian(header);
        if (itemLength < 2 || itemLength > remaining - 4)
        {
            throw new PduFormatException($"PDV item declares {itemLength} bytes but {remaining - 4} remain", offset);
        }

        presentationContextId = header[4];
        messageControlHeader = header[5];
        if ((messageControlHeader & 0xFC) != 0)
        {
            throw new PduFormatException($"PDV message control header 0x{messageControlHeader:X2} sets reserved bits", offset + 5);
        }

        return itemLength;
    }
}
