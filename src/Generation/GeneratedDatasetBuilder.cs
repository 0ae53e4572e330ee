using Conformance.Dicom;
using System.Globalization;
using Conformance.Dicom.Data;
using Conformance.Dicom.Dictionary;

namespace Conformance.Generation;

/// <summary>
/// Builds the data set of one generated object: patient, study, series, equipment and image modules
/// from the template, the varying values (UIDs, names, dates, positions) from the seed and the
/// object's place, and the pixel data as a buffer that paints itself when written.
/// </summary>
internal static class GeneratedDatasetBuilder
{
    public const string Manufacturer = "CONFORMANCE";

    public static DicomDataset Build(GenerationOptions options, ModalityTemplate template, InstancePlace place, GeneratedPixels pixels)
    {
        var seed = options.Seed;
        var dataset = new DicomDataset();
        if (template.Rich)
        {
            dataset.SetString(DicomTags.SpecificCharacterSet, DicomCharacterSet.Utf8.Term);
        }

        dataset.SetUid(DicomTags.SOPClassUID, template.SopClassUid);
        dataset.SetUid(DicomTags.SOPInstanceUID, InstanceUid(seed, template.Kind, place));
        dataset.SetUid(DicomTags.StudyInstanceUID, DeterministicUids.Derive(seed, $"{template.Kind}/study", place.Patient, place.Study));
        dataset.SetUid(DicomTags.SeriesInstanceUID, DeterministicUids.Derive(seed, $"{template.Kind}/series", place.Patient, place.Study, place.Series));

        var studyDate = StudyDate(seed, place);
        var studyTime = new TimeOnly(8, 0).AddMinutes(place.Study * 30);
        var seriesTime = studyTime.AddMinutes(2 + (place.Series * 5));
        var contentTime = seriesTime.Add(TimeSpan.FromSeconds(place.Instance));
        SetText(dataset, "StudyDate", Date(studyDate));
        SetText(dataset, "SeriesDate", Date(studyDate));
        SetText(dataset, "ContentDate", Date(studyDate));
        SetText(dataset, "StudyTime", Time(studyTime));
        SetText(dataset, "SeriesTime", Time(seriesTime));
        SetText(dataset, "ContentTime", Time(contentTime));
        SetText(dataset, "AccessionNumber", string.Create(CultureInfo.InvariantCulture, $"A{place.Patient + 1:D5}{place.Study + 1:D3}"));
        SetText(dataset, "Modality", template.Modality);
        SetText(dataset, "Manufacturer", Manufacturer);
        SetText(dataset, "InstitutionName", template.Rich ? "Hôpital Général Saint-Étienne" : "CONFORMANCE TEST HOSPITAL");
        SetText(dataset, "ReferringPhysicianName", GeneratedNames.Physician(template.Rich, place.Study));
        SetText(dataset, "StationName", "GENERATOR01");
        SetText(dataset, "StudyDescription", template.Rich ? "Abdomen – Kontrast (Übersicht)" : $"{template.Modality} TEST STUDY");
        SetText(dataset, "SeriesDescription", string.Create(CultureInfo.InvariantCulture, $"{template.Modality} SERIES {place.Series + 1}"));
        SetText(dataset, "ManufacturerModelName", "TEST DATA GENERATOR");
        SetText(dataset, "PatientName", GeneratedNames.Patient(template.Rich, place.Patient));
        SetText(dataset, "PatientID", string.Create(CultureInfo.InvariantCulture, $"CONF{seed}-{template.Kind}-{place.Patient + 1:D4}"));
        SetText(dataset, "PatientBirthDate", Date(new DateOnly(1940, 1, 1).AddDays((int)((ulong)(seed + place.Patient) * 7919UL % 25000UL))));
        SetText(dataset, "PatientSex", place.Patient % 2 == 0 ? "F" : "M");
        SetText(dataset, "SoftwareVersions", DicomImplementation.VersionName);
        SetText(dataset, "StudyID", (place.Study + 1).ToString(CultureInfo.InvariantCulture));
        SetText(dataset, "SeriesNumber", (place.Series + 1).ToString(CultureInfo.InvariantCulture));
        SetText(dataset, "InstanceNumber", (place.Instance + 1).ToString(CultureInfo.InvariantCulture));
        foreach (var (keyword, value) in template.FixedAttributes)
        {
            SetText(dataset, keyword, value);
        }

        if (template.HasImagePlane)
        {
            AddImagePlane(dataset, seed, template, place);
        }

        if (pixels.Geometry.IsMultiFrame)
        {
            SetText(dataset, "NumberOfFrames", pixels.Geometry.NumberOfFrames.ToString(CultureInfo.InvariantCulture));
            // FrameIncrementPointer (AT) -> FrameTime (0018,1063): group then element, little endian.
            dataset.SetBytes(DicomTags.FrameIncrementPointer, DicomVR.AT, new byte[] { 0x18, 0x00, 0x63, 0x10 });
        }

        if (template.Rich)
        {
            RichContent.Add(dataset, seed, place);
        }

        AddPixelModule(dataset, pixels);
        return dataset;
    }

    /// <summary>Each modality has its own hierarchy: the same seed never gives two modalities the same UIDs.</summary>
    public static string InstanceUid(long seed, GeneratedModality modality, InstancePlace place) =>
        DeterministicUids.Derive(seed, $"{modality}/instance", place.Patient, place.Study, place.Series, place.Instance);

    private static void AddImagePlane(DicomDataset dataset, long seed, ModalityTemplate template, InstancePlace place)
    {
        var thickness = double.Parse(
            template.FixedAttributes.First(pair => pair.Key == "SliceThickness").Value, CultureInfo.InvariantCulture);
        var spacing = double.Parse(
            template.FixedAttributes.First(pair => pair.Key == "PixelSpacing").Value.Split('\\')[0], CultureInfo.InvariantCulture);
        var halfWidth = spacing * template.Pixels.Columns / 2;
        var z = place.Instance == 0 ? 0.0 : -(place.Instance * thickness); // never "-0"
        dataset.SetUid(DicomTags.FrameOfReferenceUID, DeterministicUids.Derive(seed, $"{template.Kind}/frame-of-reference", place.Patient, place.Study, place.Series));
        SetText(dataset, "PositionReferenceIndicator", string.Empty);
        SetText(dataset, "ImagePositionPatient", string.Create(CultureInfo.InvariantCulture, $"{-halfWidth}\\{-halfWidth}\\{z}"));
        SetText(dataset, "SliceLocation", z.ToString(CultureInfo.InvariantCulture));
        SetText(dataset, "AcquisitionNumber", "1");
    }

    private static void AddPixelModule(DicomDataset dataset, GeneratedPixels pixels)
    {
        var g = pixels.Geometry;
        dataset.SetUInt16(DicomTags.SamplesPerPixel, (ushort)g.SamplesPerPixel);
        SetText(dataset, "PhotometricInterpretation", g.PhotometricInterpretation);
        if (g.SamplesPerPixel > 1)
        {
            dataset.SetUInt16(DicomTags.PlanarConfiguration, 0);
        }

        dataset.SetUInt16(DicomTags.Rows, (ushort)g.Rows);
        dataset.SetUInt16(DicomTags.Columns, (ushort)g.Columns);
        dataset.SetUInt16(DicomTags.BitsAllocated, (ushort)g.BitsAllocated);
        dataset.SetUInt16(DicomTags.BitsStored, (ushort)g.BitsStored);
        dataset.SetUInt16(DicomTags.HighBit, (ushort)g.HighBit);
        dataset.SetUInt16(DicomTags.PixelRepresentation, (ushort)g.PixelRepresentation);
        var vr = g.IsWordData ? DicomVR.OW : DicomVR.OB;
        DicomBuffer value = pixels.PaddedLength <= GeneratedPixelBuffer.InMemoryLimit
            ? new DicomMemoryBuffer(pixels.ToArray())
            : new GeneratedPixelBuffer(pixels);
        dataset.Add(new DicomValueElement(DicomTags.PixelData, vr, value));
    }

    /// <summary>Sets a value by keyword in the VR the dictionary gives; backslashes separate values.</summary>
    internal static void SetText(DicomDataset dataset, string keyword, string value)
    {
        var tag = DicomTag.FromKeyword(keyword);
        dataset.SetStrings(tag, DicomDictionary.GetDefaultVR(tag), value.Split('\\'));
    }

    private static DateOnly StudyDate(long seed, InstancePlace place) =>
        new DateOnly(2024, 1, 1).AddDays((int)((ulong)seed % 300UL) + (place.Patient * 3) + (place.Study * 11) % 60);

    private static string Date(DateOnly date) => date.ToString("yyyyMMdd", CultureInfo.InvariantCulture);

    private static string Time(TimeOnly time) => time.ToString("HHmmss", CultureInfo.InvariantCulture);
}
