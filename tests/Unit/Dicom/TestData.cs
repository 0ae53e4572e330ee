using Conformance.Dicom.Data;
using Conformance.Dicom.IO;

namespace Conformance.Unit.Tests.Dicom;

/// <summary>Data sets and encodings shared by the data-layer tests.</summary>
internal static class TestData
{
    public static IEnumerable<DicomTransferSyntax> UncompressedSyntaxes() =>
    [
        DicomTransferSyntax.ImplicitVRLittleEndian,
        DicomTransferSyntax.ExplicitVRLittleEndian,
        DicomTransferSyntax.ExplicitVRBigEndian,
        DicomTransferSyntax.DeflatedExplicitVRLittleEndian,
    ];

    /// <summary>Public tags only (so implicit VR keeps every VR), UTF-8 names, both sequence length kinds.</summary>
    public static DicomDataset RichDataset()
    {
        var ds = new DicomDataset();
        ds.SetString(DicomTags.SpecificCharacterSet, "ISO_IR 192");
        ds.SetUid(DicomTags.SOPClassUID, "1.2.840.10008.5.1.4.1.1.7");
        ds.SetUid(DicomTags.SOPInstanceUID, "2.25.1234567890");
        ds.SetString(DicomTags.PatientName, "Müller^Hans");
        ds.SetString(DicomTags.PatientID, "ID-1");
        ds.SetStrings(DicomTags.ImageType, DicomVR.CS, "ORIGINAL", "PRIMARY");
        ds.SetUInt16(DicomTags.Rows, 2);
        ds.SetUInt16(DicomTags.Columns, 2);
        ds.SetUInt16(DicomTags.BitsAllocated, 16);
        ds.SetDouble(DicomTags.DiffusionBValue, 3.5);
        var a = new DicomDataset();
        a.SetUid(DicomTags.ReferencedSOPClassUID, "1.2.3");
        var b = new DicomDataset { UndefinedItemLength = true };
        b.SetUid(DicomTags.ReferencedSOPInstanceUID, "1.2.3.4");
        ds.SetSequence(DicomTags.ReferencedImageSequence, a, b);
        var undefinedSeq = ds.SetSequence(DicomTags.SourceImageSequence, new DicomDataset());
        undefinedSeq.UndefinedLength = true;
        ds.SetBytes(DicomTags.PixelData, DicomVR.OW, new byte[] { 1, 0, 2, 0, 3, 0, 0xFE, 0xFF });
        return ds;
    }

    public static byte[] FileBytes(DicomDataset dataset, DicomTransferSyntax syntax)
    {
        var ms = new MemoryStream();
        new DicomFile(dataset, syntax).Write(ms);
        return ms.ToArray();
    }
}
