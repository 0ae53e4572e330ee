using System.Globalization;
using Conformance.Dicom.Data;

namespace Conformance.Unit.Tests.Scp;

/// <summary>Secondary Capture data sets for the loopback SCU/SCP tests.</summary>
internal static class ServerTestObjects
{
    public const string SecondaryCapture = "1.2.840.10008.5.1.4.1.1.7";

    public static DicomDataset Image(string patientId, string studyUid, int number, int pixelBytes = 512, string modality = "OT", string date = "20240315")
    {
        var ds = new DicomDataset();
        ds.SetUid(DicomTags.SOPClassUID, SecondaryCapture);
        ds.SetUid(DicomTags.SOPInstanceUID, string.Create(CultureInfo.InvariantCulture, $"{studyUid}.1.{number}"));
        ds.SetString(DicomTags.StudyDate, date);
        ds.SetString(DicomTags.Modality, modality);
        ds.SetString(DicomTags.PatientName, "TEST^" + patientId);
        ds.SetString(DicomTags.PatientID, patientId);
        ds.SetUid(DicomTags.StudyInstanceUID, studyUid);
        ds.SetUid(DicomTags.SeriesInstanceUID, studyUid + ".1");
        ds.SetString(DicomTags.InstanceNumber, number.ToString(CultureInfo.InvariantCulture));
        ds.SetUInt16(DicomTags.Rows, 1);
        ds.SetUInt16(DicomTags.Columns, (ushort)(pixelBytes / 2));
        ds.SetUInt16(DicomTags.BitsAllocated, 16);
        var pixels = new byte[pixelBytes];
        for (var i = 0; i < pixels.Length; i++)
        {
            pixels[i] = (byte)(i * 31 + number);
        }

        ds.SetBytes(DicomTags.PixelData, DicomVR.OW, pixels);
        return ds;
    }
}
