using System.Globalization;
using Conformance.Dicom.Data;
using Conformance.Dicom.IO;

namespace Conformance.Interop.Tests.Reliability;

/// <summary>Secondary Capture objects in one study and series, each with distinct pixel bytes, for the load and crash tests.</summary>
internal static class ReliabilityObjects
{
    public const string SecondaryCapture = "1.2.840.10008.5.1.4.1.1.7";
    public const string Study = "1.2.826.0.1.3680043.2.1125.7";
    public const string Series = Study + ".1";

    public static DicomDataset Image(int round, int index, int pixelBytes = 32 * 1024)
    {
        var ds = new DicomDataset();
        ds.SetUid(DicomTags.SOPClassUID, SecondaryCapture);
        ds.SetUid(DicomTags.SOPInstanceUID, string.Create(CultureInfo.InvariantCulture, $"{Series}.{round}.{index}"));
        ds.SetString(DicomTags.PatientName, "RELIABILITY^TEST");
        ds.SetString(DicomTags.PatientID, "REL1");
        ds.SetUid(DicomTags.StudyInstanceUID, Study);
        ds.SetUid(DicomTags.SeriesInstanceUID, Series);
        ds.SetString(DicomTags.Modality, "OT");
        ds.SetString(DicomTags.InstanceNumber, (round * 1000 + index).ToString(CultureInfo.InvariantCulture));
        var pixels = new byte[pixelBytes];
        new Random(round * 7919 + index).NextBytes(pixels);
        ds.SetBytes(DicomTags.PixelData, DicomVR.OB, pixels);
        return ds;
    }

    /// <summary>The data set's bytes in explicit VR little endian: equal bytes = identical data sets, whatever the file meta.</summary>
    public static byte[] Canonical(DicomDataset dataset) => DicomDatasetWriter.ToArray(dataset, DicomTransferSyntax.ExplicitVRLittleEndian);
}
