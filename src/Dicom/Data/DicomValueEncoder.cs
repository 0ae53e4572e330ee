using System.Buffers.Binary;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Conformance.Dicom.Data;

/// <summary>Builds element values: strings joined with backslashes and padded to even length with the VR's padding
/// byte; binary numbers little endian.</summary>
public static class DicomValueEncoder
{
    public static DicomValueElement FromStrings(DicomTag tag, DicomVR vr, IEnumerable<string> values, DicomCharacterSet? characterSet = null)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (!vr.IsString)
        {
            throw new DicomDataException($"{tag}: VR {vr} is not a string VR");
        }

        var text = string.Join('\\', values);
        var encoding = vr.UsesSpecificCharacterSet ? (characterSet ?? DicomCharacterSet.Default).Encoding : DicomCharacterSet.Default.Encoding;
        var count = encoding.GetByteCount(text);
        var bytes = new byte[count + (count & 1)];
        encoding.GetBytes(text, bytes);
        if ((count & 1) == 1)
        {
            bytes[^1] = vr.PaddingByte;
        }

        return new DicomValueElement(tag, vr, bytes);
    }

    public static DicomValueElement FromUInt16(DicomTag tag, DicomVR vr, params ReadOnlySpan<ushort> values) => FromNumbers(tag, vr, values);

    public static DicomValueElement FromInt16(DicomTag tag, DicomVR vr, params ReadOnlySpan<short> values) => FromNumbers(tag, vr, values);

    public static DicomValueElement FromUInt32(DicomTag tag, DicomVR vr, params ReadOnlySpan<uint> values) => FromNumbers(tag, vr, values);

    public static DicomValueElement FromInt32(DicomTag tag, DicomVR vr, params ReadOnlySpan<int> values) => FromNumbers(tag, vr, values);

    public static DicomValueElement FromInt64(DicomTag tag, DicomVR vr, params ReadOnlySpan<long> values) => FromNumbers(tag, vr, values);

    public static DicomValueElement FromUInt64(DicomTag tag, DicomVR vr, params ReadOnlySpan<ulong> values) => FromNumbers(tag, vr, values);

    public static DicomValueElement FromSingle(DicomTag tag, DicomVR vr, params ReadOnlySpan<float> values) => FromNumbers(tag, vr, values);

    public static DicomValueElement FromDouble(DicomTag tag, DicomVR vr, params ReadOnlySpan<double> values) => FromNumbers(tag, vr, values);

    public static DicomValueElement FromAttributeTags(DicomTag tag, params ReadOnlySpan<DicomTag> values)
    {
        var bytes = Allocate(tag, DicomVR.AT, values.Length, 4);
        for (var i = 0; i < values.Length; i++)
        {
            BinaryPrimitives.WriteUInt16LittleEndian(bytes.AsSpan(i * 4), values[i].Group);
            BinaryPrimitives.WriteUInt16LittleEndian(bytes.AsSpan((i * 4) + 2), values[i].Element);
        }

        return new DicomValueElement(tag, DicomVR.AT, bytes);
    }

    /// <summary>An integer in whatever integer VR the element has (US, SS, UL, SL, SV, UV, IS).</summary>
    public static DicomValueElement FromInteger(DicomTag tag, DicomVR vr, long value)
    {
        if (vr == DicomVR.US) { return FromUInt16(tag, vr, checked((ushort)value)); }
        if (vr == DicomVR.SS) { return FromInt16(tag, vr, checked((short)value)); }
        if (vr == DicomVR.UL) { return FromUInt32(tag, vr, checked((uint)value)); }
        if (vr == DicomVR.SL) { return FromInt32(tag, vr, checked((int)value)); }
        if (vr == DicomVR.SV) { return FromInt64(tag, vr, value); }
        if (vr == DicomVR.UV) { return FromUInt64(tag, vr, checked((ulong)value)); }
        if (vr == DicomVR.IS || vr == DicomVR.DS) { return FromStrings(tag, vr, [value.ToString(CultureInfo.InvariantCulture)]); }
        throw new DicomDataException($"{tag}: VR {vr} cannot hold an integer");
    }

    /// <summary>Numbers as little-endian bytes: one block copy on a little-endian host, swapped per value otherwise.</summary>
    private static DicomValueElement FromNumbers<T>(DicomTag tag, DicomVR vr, ReadOnlySpan<T> values)
        where T : unmanaged
    {
        var size = Unsafe.SizeOf<T>();
        var bytes = Allocate(tag, vr, values.Length, size);
        MemoryMarshal.AsBytes(values).CopyTo(bytes);
        if (!BitConverter.IsLittleEndian)
        {
            for (var i = 0; i < bytes.Length; i += size)
            {
                bytes.AsSpan(i, size).Reverse();
            }
        }

        return new DicomValueElement(tag, vr, bytes);
    }

    private static byte[] Allocate(DicomTag tag, DicomVR vr, int count, int size)
    {
        var unit = vr.ValueSize != 0 ? vr.ValueSize : vr.ByteSwapSize;
        if (unit != size && !(vr == DicomVR.OB || vr == DicomVR.UN))
        {
            throw new DicomDataException($"{tag}: VR {vr} does not hold {size}-byte values");
        }

        return new byte[count * size];
    }
}
