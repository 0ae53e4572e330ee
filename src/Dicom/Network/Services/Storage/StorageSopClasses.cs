namespace Conformance.Dicom.Network.Services.Storage;

/// <summary>Storage SOP classes a C-GET SCU offers to receive by default (PS3.6 Annex A).</summary>
public static class StorageSopClasses
{
    public static IReadOnlyList<string> Common { get; } =
    [
        "1.2.840.10008.5.1.4.1.1.7", // Secondary Capture Image
        "1.2.840.10008.5.1.4.1.1.2", // CT Image
        "1.2.840.10008.5.1.4.1.1.2.1", // Enhanced CT Image
        "1.2.840.10008.5.1.4.1.1.4", // MR Image
        "1.2.840.10008.5.1.4.1.1.4.1", // Enhanced MR Image
        "1.2.840.10008.5.1.4.1.1.1", // Computed Radiography Image
        "1.2.840.10008.5.1.4.1.1.1.1", // Digital X-Ray Image - For Presentation
        "1.2.840.10008.5.1.4.1.1.1.2", // Digital Mammography X-Ray Image - For Presentation
        "1.2.840.10008.5.1.4.1.1.6.1", // Ultrasound Image
        "1.2.840.10008.5.1.4.1.1.3.1", // Ultrasound Multi-frame Image
        "1.2.840.10008.5.1.4.1.1.12.1", // X-Ray Angiographic Image
        "1.2.840.10008.5.1.4.1.1.20", // Nuclear Medicine Image
        "1.2.840.10008.5.1.4.1.1.128", // Positron Emission Tomography Image
        "1.2.840.10008.5.1.4.1.1.481.1", // RT Image
        "1.2.840.10008.5.1.4.1.1.481.2", // RT Dose
        "1.2.840.10008.5.1.4.1.1.481.3", // RT Structure Set
        "1.2.840.10008.5.1.4.1.1.481.5", // RT Plan
        "1.2.840.10008.5.1.4.1.1.88.11", // Basic Text SR
        "1.2.840.10008.5.1.4.1.1.88.22", // Enhanced SR
        "1.2.840.10008.5.1.4.1.1.104.1", // Encapsulated PDF
        "1.2.840.10008.5.1.4.1.1.11.1", // Grayscale Softcopy Presentation State
        "1.2.840.10008.5.1.4.1.1.66", // Raw Data
    ];
}
