namespace Conformance.Generation;

/// <summary>
/// What one generated modality looks like, as data: its SOP class, pixel geometry and the
/// fixed attributes it carries (by keyword of the public dictionary, value as DICOM text).
/// Attributes that vary per object (UIDs, names, positions, numbers) are filled in by the builder.
/// </summary>
public sealed record ModalityTemplate(
    GeneratedModality Kind,
    string Modality,
    string SopClassUid,
    string SopClassName,
    PixelGeometry Pixels,
    IReadOnlyList<KeyValuePair<string, string>> FixedAttributes,
    bool HasImagePlane,
    bool Rich);
