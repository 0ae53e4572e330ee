using System.Buffers.Binary;

namespace Conformance.Dicom.Network.Pdus;

/// <summary>
/// Walks a run of items (type, reserved, 16-bit length, value) checking every declared length
/// against what remains before exposing the value.
/// </summary>
public ref struct ItemSequenceReader
{
    private readonly ReadOnlySpan<byte> _span;
    private readonly int _baseOffset;
    private int _position;

    public ItemSequenceReader(ReadOnlySpan<byte> span, int baseOffset)
    {
        _span = span;
        _baseOffset = baseOffset;
        _position = 0;
        Type = 0;
        Second = 0;
        Value = default;
        ValueOffset = 0;
    }

    public byte Type { get; private set; }

    /// <summary>The byte after the type: reserved, or the sub-item version of item 0x57.</summary>
    public byte Second { get; private set; }

    public ReadOnlySpan<byte> Value { get; private set; }

    /// <summary>Offset of <see cref="Value"/> from the start of the PDU.</summary>
    public int ValueOffset { get; private set; }

    public bool MoveNext()
    {
        var remaining = _span.Length - _position;
        if (remaining == 0)
        {
            return false;
        }

        if (remaining < ItemHeader.Size)
        {
            throw new PduFormatException($"Truncated item header: {remaining} bytes left", _baseOffset + _position);
        }

        Type = _span[_position];
        Second = _span[_position + 1];
        int length = BinaryPrimitives.ReadUInt16BigEndian(_span[(_position + 2)..]);
        if (length > remaining - ItemHeader.Size)
        {
            throw new PduFormatException(
                $"Item 0x{Type:X2} declares {length} bytes but only {remaining - ItemHeader.Size} remain",
                _baseOffset + _position);
        }

        ValueOffset = _baseOffset + _position + ItemHeader.Size;
        Value = _span.Slice(_position + ItemHeader.Size, length);
        _position += ItemHeader.Size + length;
        return true;
    }
}
