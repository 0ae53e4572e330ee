using System.Buffers.Binary;
using Conformance.Dicom.Data;

namespace Conformance.Dicom.IO;

/// <summary>
/// The transfer syntax of a data set nothing declares (no file meta, or meta without (0002,0010)), read off its first
/// element as DCMTK does: the byte order that gives the smaller (plausible) group, explicit VR when two valid VR
/// letters follow the tag. Implicit VR is little endian only.
/// </summary>
internal static class TransferSyntaxDetector
{
    /// <summary>Detects from the first 8 bytes; false when they do not look like the start of a data set.</summary>
    public static bool TryDetect(ReadOnlySpan<byte> start, bool allowMetaGroup, out DicomTransferSyntax syntax)
    {
        syntax = DicomTransferSyntax.ImplicitVRLittleEndian;
        if (start.Length < 8)
        {
            return false;
        }

        var little = BinaryPrimitives.ReadUInt16LittleEndian(start);
        var big = BinaryPrimitives.ReadUInt16BigEndian(start);
        var bigEndian = big < little;
        var group = bigEndian ? big : little;
        var explicitVr = DicomVR.TryParse(start[4], start[5], out _);
        if (!IsPlausibleGroup(group, allowMetaGroup) || (bigEndian && !explicitVr))
        {
            return false;
        }

        syntax = !explicitVr ? DicomTransferSyntax.ImplicitVRLittleEndian
            : bigEndian ? DicomTransferSyntax.ExplicitVRBigEndian
            : DicomTransferSyntax.ExplicitVRLittleEndian;
        return true;
    }

    // Group 0000 is the command group and FFFE holds items and delimiters: neither starts a data set; 0002 is file
    // meta. Groups PS3.5 7.1 forbids (0001, 0003, ...) are read as DCMTK reads them.
    private static bool IsPlausibleGroup(ushort group, bool allowMetaGroup) =>
        group != 0x0000 && group < 0xFFFE && (group != 0x0002 || allowMetaGroup);
}
