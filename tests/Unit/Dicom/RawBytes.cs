using System.Buffers.Binary;
using System.Text;

namespace Conformance.Unit.Tests.Dicom;

/// <summary>Hand-made encodings (explicit or implicit VR, little or big endian) for golden-byte and bad-input tests.</summary>
internal sealed class RawBytes
{
    private readonly List<byte> _data = [];
    private readonly bool _bigEndian;

    public RawBytes(bool bigEndian = false) => _bigEndian = bigEndian;

    public long Position => _data.Count;

    public RawBytes Tag(ushort group, ushort element)
    {
        U16(group);
        return U16(element);
    }

    /// <summary>Explicit VR header; long = 2 reserved bytes + 32-bit length.</summary>
    public RawBytes Explicit(ushort group, ushort element, string vr, uint length, bool longLength)
    {
        Tag(group, element);
        _data.AddRange(Encoding.ASCII.GetBytes(vr));
        if (longLength)
        {
            U16(0);
            return U32(length);
        }

        return U16((ushort)length);
    }

    public RawBytes Implicit(ushort group, ushort element, uint length)
    {
        Tag(group, element);
        return U32(length);
    }

    public RawBytes Item(uint length) => Tag(0xFFFE, 0xE000).U32(length);

    public RawBytes ItemEnd() => Tag(0xFFFE, 0xE00D).U32(0);

    public RawBytes SequenceEnd() => Tag(0xFFFE, 0xE0DD).U32(0);

    public RawBytes U16(ushort v)
    {
        Span<byte> b = stackalloc byte[2];
        if (_bigEndian) { BinaryPrimitives.WriteUInt16BigEndian(b, v); } else { BinaryPrimitives.WriteUInt16LittleEndian(b, v); }
        _data.AddRange(b.ToArray());
        return this;
    }

    public RawBytes U32(uint v)
    {
        Span<byte> b = stackalloc byte[4];
        if (_bigEndian) { BinaryPrimitives.WriteUInt32BigEndian(b, v); } else { BinaryPrimitives.WriteUInt32LittleEndian(b, v); }
        _data.AddRange(b.ToArray());
        return this;
    }

    public RawBytes Bytes(params byte[] data)
    {
        _data.AddRange(data);
        return this;
    }

    public RawBytes Ascii(string s) => Bytes(Encoding.ASCII.GetBytes(s));

    public byte[] ToArray() => _data.ToArray();

    /// <summary>Preamble, "DICM" and a minimal file meta group for <paramref name="tsUid"/> (explicit VR LE).</summary>
    public static RawBytes FileHeader(string tsUid)
    {
        var r = new RawBytes();
        r.Bytes(new byte[128]).Ascii("DICM");
        var uid = tsUid.Length % 2 == 1 ? tsUid + "\0" : tsUid;
        r.Explicit(0x0002, 0x0000, "UL", 4, false).U32((uint)(8 + uid.Length));
        r.Explicit(0x0002, 0x0010, "UI", (uint)uid.Length, false).Ascii(uid);
        return r;
    }
}
