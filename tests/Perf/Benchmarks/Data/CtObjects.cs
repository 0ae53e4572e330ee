using Conformance.Dicom.Data;
using Conformance.Dicom.IO;
using Conformance.Dicom.Uids;
using Conformance.Benchmarks.Shared;

namespace Conformance.Benchmarks.Data;

/// <summary>
/// Synthetic CT images for the benchmarks: 512x512, 16 bits allocated, explicit VR little endian,
/// about 514 KB each. Made here until the generator (src/Dicom/Generation, branch tools) lands.
/// </summary>
public static class CtObjects
{
    public const string CtImageStorage = "1.2.840.10008.5.1.4.1.1.2";
    public const int Rows = 512;
    public const int Columns = 512;

    /// <summary>One CT data set of a series; the pixel values differ per index so no two images are identical.</summary>
    public static DicomDataset Create(string studyUid, string seriesUid, int index)
    {
        var ds = new DicomDataset();
        ds.SetString(DicomTags.SpecificCharacterSet, "ISO_IR 100");
        ds.SetStrings(DicomTags.ImageType, DicomVR.CS, "ORIGINAL", "PRIMARY", "AXIAL");
        ds.SetUid(DicomTags.SOPClassUID, CtImageStorage);
        ds.SetUid(DicomTags.SOPInstanceUID, DicomUid.Generate());
        ds.SetString(DicomTags.StudyDate, "20260101");
        ds.SetString(DicomTags.StudyTime, "120000");
        ds.SetString(DicomTags.AccessionNumber, "BENCH0001");
        ds.SetString(DicomTags.Modality, "CT");
        ds.SetString(DicomTags.Manufacturer, "Conformance benchmarks");
        ds.SetString(DicomTags.PatientName, "Bench^Throughput");
        ds.SetString(DicomTags.PatientID, "BENCH-1");
        ds.SetString(DicomTags.PatientBirthDate, "19700101");
        ds.SetString(DicomTags.PatientSex, "O");
        ds.SetString(DicomTags.SliceThickness, "1");
        ds.SetString(DicomTags.KVP, "120");
        ds.SetUid(DicomTags.StudyInstanceUID, studyUid);
        ds.SetUid(DicomTags.SeriesInstanceUID, seriesUid);
        ds.SetString(DicomTags.StudyID, "1");
        ds.SetString(DicomTags.SeriesNumber, "1");
        ds.SetString(DicomTags.InstanceNumber, (index + 1).ToString(System.Globalization.CultureInfo.InvariantCulture));
        ds.SetStrings(DicomTags.ImagePositionPatient, DicomVR.DS, "0", "0", index.ToString(System.Globalization.CultureInfo.InvariantCulture));
        ds.SetStrings(DicomTags.ImageOrientationPatient, DicomVR.DS, "1", "0", "0", "0", "1", "0");
        ds.SetUid(DicomTags.FrameOfReferenceUID, seriesUid + ".1");
        ds.SetUInt16(DicomTags.SamplesPerPixel, 1);
        ds.SetString(DicomTags.PhotometricInterpretation, "MONOCHROME2");
        ds.SetUInt16(DicomTags.Rows, Rows);
        ds.SetUInt16(DicomTags.Columns, Columns);
        ds.SetStrings(DicomTags.PixelSpacing, DicomVR.DS, "0.5", "0.5");
        ds.SetUInt16(DicomTags.BitsAllocated, 16);
        ds.SetUInt16(DicomTags.BitsStored, 12);
        ds.SetUInt16(DicomTags.HighBit, 11);
        ds.SetUInt16(DicomTags.PixelRepresentation, 0);
        ds.SetString(DicomTags.RescaleIntercept, "-1024");
        ds.SetString(DicomTags.RescaleSlope, "1");
        ds.SetBytes(DicomTags.PixelData, DicomVR.OW, Pixels(index));
        return ds;
    }

    /// <summary>A series of <paramref name="count"/> images with fresh study and series UIDs.</summary>
    public static IReadOnlyList<DicomDataset> CreateSeries(int count)
    {
        var study = DicomUid.Generate();
        var series = DicomUid.Generate();
        return Enumerable.Range(0, count).Select(i => Create(study, series, i)).ToList();
    }

    /// <summary>The data set's bytes in explicit VR little endian (what goes into P-DATA-TF PDVs).</summary>
    public static byte[] Encode(DicomDataset dataset) =>
        DicomDatasetWriter.ToArray(dataset, DicomTransferSyntax.ExplicitVRLittleEndian);

    /// <summary>Writes each data set as a Part 10 file (explicit VR LE) into <paramref name="directory"/>; returns the paths in order.</summary>
    public static IReadOnlyList<string> WriteFiles(IReadOnlyList<DicomDataset> series, string directory)
    {
        Directory.CreateDirectory(directory);
        var paths = new List<string>(series.Count);
        for (var i = 0; i < series.Count; i++)
        {
            var path = Path.Combine(directory, $"ct{i:D5}.dcm");
            new DicomFile(series[i], DicomTransferSyntax.ExplicitVRLittleEndian).Save(path);
            paths.Add(path);
        }

        return paths;
    }

    // A smooth phantom-like ramp plus a per-image offset, 12 bits stored.
    private static byte[] Pixels(int index)
    {
        var bytes = new byte[Rows * Columns * 2];
        for (var y = 0; y < Rows; y++)
        {
            for (var x = 0; x < Columns; x++)
            {
                var value = (ushort)(((x * 3) + (y * 5) + (index * 7)) & 0x0FFF);
                var at = ((y * Columns) + x) * 2;
                bytes[at] = (byte)value;
                bytes[at + 1] = (byte)(value >> 8);
            }
        }

        return bytes;
    }
}
