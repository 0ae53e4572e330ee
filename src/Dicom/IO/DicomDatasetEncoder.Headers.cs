using System.Buffers.Binary;
using Conformance.Dicom.Data;

namespace Conformance.Dicom.IO;

/// <summary>Element and item headers into the encoder's buffer (PS3.5 7.1).</summary>
internal sealed partial class DicomDatasetEncoder
{
    private void WriteHeader(DicomTag tag, DicomVR vr, uint length, Encoding enc)
    {
        var b = _buffer.AsSpan(_pos);
        WriteTag(b, tag, enc);
        if (!enc.ExplicitVR)
        {
            WriteUInt32(b[4..], length, enc);
            _pos += 8;
            return;
        }

        b[4] = vr.FirstByte;
        b[5] = vr.SecondByte;
        if (vr.HasLongExplicitLength)
        {
            b[6] = 0;
            b[7] = 0;
            WriteUInt32(b[8..], length, enc);
            _pos += 12;
            return;
        }

        if (enc.BigEndian)
        {
            BinaryPrimitives.WriteUInt16BigEndian(b[6..], (ushort)length);
        }
        else
        {
            BinaryPrimitives.WriteUInt16LittleEndian(b[6..], (ushort)length);
        }

        _pos += 8;
    }

    private void WriteItemHeader(DicomTag tag, uint length, Encoding enc)
    {
        var b = _buffer.AsSpan(_pos);
        WriteTag(b, tag, enc);
        WriteUInt32(b[4..], length, enc);
        _pos += 8;
    }

    private static void WriteTag(Span<byte> b, DicomTag tag, Encoding enc)
    {
        if (enc.BigEndian)
        {
            BinaryPrimitives.WriteUInt16BigEndian(b, tag.Group);
            BinaryPrimitives.WriteUInt16BigEndian(b[2..], tag.Element);
        }
        else
        {
            BinaryPrimitives.WriteUInt16LittleEndian(b, tag.Group);
            BinaryPrimitives.WriteUInt16LittleEndian(b[2..], tag.Element);
        }
    }

    private static void WriteUInt32(Span<byte> b, uint v, Encoding enc)
    {
        if (enc.BigEndian)
        {
            BinaryPrimitives.WriteUInt32BigEndian(b, v);
        }
        else
        {
            BinaryPrimitives.WriteUInt32LittleEndian(b, v);
        }
    }
}
