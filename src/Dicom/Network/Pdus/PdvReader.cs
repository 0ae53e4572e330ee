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

        var itemLength = BinaryPrimitives.ReadUInt32BigEndian(_body[_position..]);
        if (itemLength < 2 || itemLength > (uint)(remaining - 4))
        {
            throw new PduFormatException($"PDV item declares {itemLength} bytes but {remaining - 4} remain", PduHeader.Size + _position);
        }

        PresentationContextId = _body[_position + 4];
        MessageControlHeader = _body[_position + 5];
        if ((MessageControlHeader & 0xFC) != 0)
        {
            throw new PduFormatException($"PDV message control header 0x{MessageControlHeader:X2} sets reserved bits", PduHeader.Size + _position + 5);
        }

        FragmentOffset = _position + PresentationDataValue.HeaderSize;
        Fragment = _body.Slice(FragmentOffset, (int)itemLength - 2);
        _position += 4 + (int)itemLength;
        return true;
    }
}
