using System.Buffers.Binary;
using System.Runtime.InteropServices;

namespace Conformance.Dicom.Data;

/// <summary>Swaps units of 2, 4 or 8 bytes in place (little endian &lt;-&gt; big endian, PS3.5 7.3).</summary>
internal static class ByteSwap
{
    internal static void InPlace(Span<byte> data, int unitSize)
    {
        switch (unitSize)
        {
            case 2:
                var s = MemoryMarshal.Cast<byte, ushort>(data[..(data.Length & ~1)]);
                BinaryPrimitives.ReverseEndianness(s, s);
                break;
            case 4:
                var i = MemoryMarshal.Cast<byte, uint>(data[..(data.Length & ~3)]);
                BinaryPrimitives.ReverseEndianness(i, i);
                break;
            case 8:
                var l = MemoryMarshal.Cast<byte, ulong>(data[..(data.Length & ~7)]);
                BinaryPrimitives.ReverseEndianness(l, l);
                break;
        }
    }
}
