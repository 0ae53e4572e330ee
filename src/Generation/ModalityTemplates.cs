namespace Conformance.Generation;

/// <summary>The generator's modalities as data (SOP classes from PS3.4 annex B, modules from PS3.3).</summary>
public static class ModalityTemplates
{
    public const string CtImageStorage = "1.2.840.10008.5.1.4.1.1.2";
    public const string MrImageStorage = "1.2.840.10008.5.1.4.1.1.4";
    public const string UltrasoundMultiFrameImageStorage = "1.2.840.10008.5.1.4.1.1.3.1";
    public const string SecondaryCaptureImageStorage = "1.2.840.10008.5.1.4.1.1.7";

    /// <summary>Default frames of a US object; `generate --frames` overrides it.</summary>
    public const int DefaultUltrasoundFrames = 8;

    public static ModalityTemplate Ct { get; } = new(
        GeneratedModality.CT,
        "CT",
        CtImageStorage,
        "CT Image Storage",
        new PixelGeometry(512, 512, 1, "MONOCHROME2", 16, 12, 0, 1),
        [
            new("ImageType", @"ORIGINAL\PRIMARY\AXIAL"),
            new("KVP", "120"),
            new("SliceThickness", "1.25"),
            new("ConvolutionKernel", "STANDARD"),
            new("PatientPosition", "HFS"),
            new("BodyPartExamined", "CHEST"),
            new("PixelSpacing", @"0.703125\0.703125"),
            new("ImageOrientationPatient", @"1\0\0\0\1\0"),
            new("RescaleIntercept", "-1024"),
            new("RescaleSlope", "1"),
            new("RescaleType", "HU"),
            new("WindowCenter", "40"),
            new("WindowWidth", "400"),
        ],
        HasImagePlane: true,
        Rich: false);

    public static ModalityTemplate Mr { get; } = new(
        GeneratedModality.MR,
        "MR",
        MrImageStorage,
        "MR Image Storage",
        new PixelGeometry(256, 256, 1, "MONOCHROME2", 16, 12, 0, 1),
        [
            new("ImageType", @"ORIGINAL\PRIMARY\OTHER"),
            new("ScanningSequence", "SE"),
            new("SequenceVariant", "NONE"),
            new("ScanOptions", string.Empty),
            new("MRAcquisitionType", "2D"),
            new("SliceThickness", "5"),
            new("RepetitionTime", "500"),
            new("EchoTime", "15"),
            new("EchoTrainLength", "1"),
            new("ImagedNucleus", "1H"),
            new("MagneticFieldStrength", "1.5"),
            new("SpacingBetweenSlices", "6"),
            new("FlipAngle", "90"),
            new("PatientPosition", "HFS"),
            new("BodyPartExamined", "HEAD"),
            new("PixelSpacing", @"0.9375\0.9375"),
            new("ImageOrientationPatient", @"1\0\0\0\1\0"),
            new("WindowCenter", "600"),
            new("WindowWidth", "1200"),
        ],
        HasImagePlane: true,
        Rich: false);

    public static ModalityTemplate Us { get; } = new(
        GeneratedModality.US,
        "US",
        UltrasoundMultiFrameImageStorage,
        "Ultrasound Multi-frame Image Storage",
        new PixelGeometry(480, 640, 1, "MONOCHROME2", 8, 8, 0, DefaultUltrasoundFrames),
        [
            new("ImageType", @"ORIGINAL\PRIMARY\ABDOMINAL"),
            new("BodyPartExamined", "ABDOMEN"),
            new("FrameTime", "33.3"),
            new("CineRate", "30"),
            new("PatientOrientation", string.Empty),
            new("LossyImageCompression", "00"),
        ],
        HasImagePlane: false,
        Rich: false);

    public static ModalityTemplate Sc { get; } = new(
        GeneratedModality.SC,
        "OT",
        SecondaryCaptureImageStorage,
        "Secondary Capture Image Storage",
        new PixelGeometry(256, 256, 3, "RGB", 8, 8, 0, 1),
        [
            new("ImageType", @"DERIVED\SECONDARY"),
            new("ConversionType", "WSD"),
            new("PatientOrientation", string.Empty),
        ],
        HasImagePlane: false,
        Rich: false);

    public static ModalityTemplate Rich { get; } = new(
        GeneratedModality.RICH,
        "CT",
        CtImageStorage,
        "CT Image Storage (with sequences, private elements, UTF-8 names)",
        new PixelGeometry(128, 128, 1, "MONOCHROME2", 16, 16, 1, 1),
        [
            new("ImageType", @"ORIGINAL\PRIMARY\AXIAL"),
            new("KVP", "100"),
            new("SliceThickness", "2.5"),
            new("PatientPosition", "FFS"),
            new("BodyPartExamined", "ABDOMEN"),
            new("PixelSpacing", @"2.8125\2.8125"),
            new("ImageOrientationPatient", @"1\0\0\0\1\0"),
            new("RescaleIntercept", "0"),
            new("RescaleSlope", "1"),
            new("RescaleType", "HU"),
            new("WindowCenter", "40"),
            new("WindowWidth", "400"),
        ],
        HasImagePlane: true,
        Rich: true);

    public static ModalityTemplate For(GeneratedModality modality) => modality switch
    {
        GeneratedModality.CT => Ct,
        GeneratedModality.MR => Mr,
        GeneratedModality.US => Us,
        GeneratedModality.SC => Sc,
        GeneratedModality.RICH => Rich,
        _ => throw new ArgumentOutOfRangeException(nameof(modality), modality, "Unknown generated modality."),
    };
}
