using System.Buffers.Binary;
using System.Globalization;

namespace Conformance.Dicom.Data;

/// <summary>
/// An element with a value (every VR except SQ): the bytes as read or set (little-endian order, padding included),
/// in memory or a lazy file range. Immutable: replace the element to change the value.
/// </summary>
public sealed class DicomValueElement : DicomElement
{
    public DicomValueElement(DicomTag tag, DicomVR vr, DicomBuffer value)
        : base(tag, vr)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (vr == DicomVR.SQ)
        {
            throw new ArgumentException("use DicomSequence for SQ", nameof(vr));
        }

        Value = value;
    }

    public DicomValueElement(DicomTag tag, DicomVR vr, ReadOnlyMemory<byte> littleEndianValue)
        : this(tag, vr, new DicomMemoryBuffer(littleEndianValue))
    {
    }

    public DicomBuffer Value { get; }

    /// <summary>Value length in bytes.</summary>
    public long Length => Value.Length;

    /// <summary>The whole value as one string (padding removed), decoded with the given character set for SH, LO,
    /// ST, LT, PN, UC, UT (other string VRs use the default repertoire).</summary>
    public string GetString(DicomCharacterSet? characterSet = null)
    {
        var bytes = Value.GetMemory().Span;
        var charset = VR.UsesSpecificCharacterSet ? characterSet ?? DicomCharacterSet.Default : DicomCharacterSet.Default;
        var s = charset.Decode(bytes);
        return VR == DicomVR.UI ? s.TrimEnd('\0', ' ') : s.TrimEnd(' ', '\0');
    }

    /// <summary>The values of a string VR split at backslashes (not for ST, LT, UT, UR), each trimmed per PS3.5 6.2.</summary>
    public string[] GetStrings(DicomCharacterSet? characterSet = null)
    {
        var whole = GetString(characterSet);
        if (whole.Length == 0)
        {
            return [];
        }

        if (!VR.IsString || VR.IsSingleValueText)
        {
            return [whole];
        }

        var parts = whole.Split('\\');
        var trimLeading = VR != DicomVR.UC && VR != DicomVR.PN;
        for (var i = 0; i < parts.Length; i++)
        {
            parts[i] = trimLeading ? parts[i].Trim(' ', '\0') : parts[i].TrimEnd(' ', '\0');
        }

        return parts;
    }

    /// <summary>Number of values (VM) as encoded.</summary>
    public int GetValueCount()
    {
        if (VR.IsString)
        {
            return Length == 0 ? 0 : GetStrings().Length;
        }

        var size = VR.ValueSize;
        return size == 0 ? (Length == 0 ? 0 : 1) : (int)(Length / size);
    }

    public ushort GetUInt16(int index = 0) => checked((ushort)GetInt64(index));

    public short GetInt16(int index = 0) => checked((short)GetInt64(index));

    public uint GetUInt32(int index = 0) => checked((uint)GetInt64(index));

    public int GetInt32(int index = 0) => checked((int)GetInt64(index));

    /// <summary>An integer value from US, SS, UL, SL, SV, UV (checked), IS or an OW/OL/OV word; AT gives the tag value.</summary>
    public long GetInt64(int index = 0)
    {
        if (VR == DicomVR.IS)
        {
            return long.Parse(Item(index), NumberStyles.Integer, CultureInfo.InvariantCulture);
        }

        if (VR == DicomVR.DS)
        {
            return checked((long)GetDouble(index));
        }

        var b = Binary(index, out var size);
        return VR switch
        {
            _ when VR == DicomVR.US || (VR == DicomVR.OW && size == 2) => BinaryPrimitives.ReadUInt16LittleEndian(b),
            _ when VR == DicomVR.SS => BinaryPrimitives.ReadInt16LittleEndian(b),
            _ when VR == DicomVR.UL || VR == DicomVR.OL => BinaryPrimitives.ReadUInt32LittleEndian(b),
            _ when VR == DicomVR.SL => BinaryPrimitives.ReadInt32LittleEndian(b),
            _ when VR == DicomVR.SV => BinaryPrimitives.ReadInt64LittleEndian(b),
            _ when VR == DicomVR.UV || VR == DicomVR.OV => checked((long)BinaryPrimitives.ReadUInt64LittleEndian(b)),
            _ when VR == DicomVR.AT => GetAttributeTag(index).Value,
            _ => throw new DicomDataException($"{Tag} has VR {VR}, not an integer"),
        };
    }

    public ulong GetUInt64(int index = 0) =>
        VR == DicomVR.UV || VR == DicomVR.OV
            ? BinaryPrimitives.ReadUInt64LittleEndian(Binary(index, out _))
            : checked((ulong)GetInt64(index));

    /// <summary>A number from FL, FD, OF, OD, DS, IS or an integer VR.</summary>
    public double GetDouble(int index = 0)
    {
        if (VR == DicomVR.DS || VR == DicomVR.IS)
        {
            return double.Parse(Item(index), NumberStyles.Float, CultureInfo.InvariantCulture);
        }

        if (VR == DicomVR.FL || VR == DicomVR.OF)
        {
            return BinaryPrimitives.ReadSingleLittleEndian(Binary(index, out _));
        }

        if (VR == DicomVR.FD || VR == DicomVR.OD)
        {
            return BinaryPrimitives.ReadDoubleLittleEndian(Binary(index, out _));
        }

        return GetInt64(index);
    }

    public float GetSingle(int index = 0) => (float)GetDouble(index);

    /// <summary>AT value: group and element, each a 16-bit number (PS3.5 6.2).</summary>
    public DicomTag GetAttributeTag(int index = 0)
    {
        if (VR != DicomVR.AT)
        {
            throw new DicomDataException($"{Tag} has VR {VR}, not AT");
        }

        var b = Binary(index, out _);
        return new DicomTag(BinaryPrimitives.ReadUInt16LittleEndian(b), BinaryPrimitives.ReadUInt16LittleEndian(b[2..]));
    }

    private string Item(int index)
    {
        var items = GetStrings();
        if (index < 0 || index >= items.Length)
        {
            throw new DicomDataException($"{Tag} has {items.Length} value(s); index {index} is out of range");
        }

        return items[index];
    }

    private ReadOnlySpan<byte> Binary(int index, out int size)
    {
        size = VR.ValueSize;
        if (size == 0)
        {
            size = VR.ByteSwapSize;
        }

        if (VR.IsString || size <= 1)
        {
            throw new DicomDataException($"{Tag} has VR {VR}, not a binary number");
        }

        var bytes = Value.GetMemory().Span;
        if (index < 0 || (long)(index + 1) * size > bytes.Length)
        {
            throw new DicomDataException($"{Tag} has {bytes.Length / size} value(s); index {index} is out of range");
        }

        return bytes.Slice(index * size, size);
    }

    public override string ToString() => $"{Tag} {VR} length {Length}";
}
