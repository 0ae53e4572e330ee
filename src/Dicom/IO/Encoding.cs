namespace Conformance.Dicom.IO;

/// <summary>The parts of a transfer syntax that affect element encoding.</summary>
internal readonly record struct Encoding(bool ExplicitVR, bool BigEndian)
{
    public static readonly Encoding ImplicitLittle = new(false, false);

    public static Encoding Of(DicomTransferSyntax ts) => new(ts.IsExplicitVR, ts.IsBigEndian);
}
