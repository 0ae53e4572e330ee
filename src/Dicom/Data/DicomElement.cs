namespace Conformance.Dicom.Data;

/// <summary>A data element: a value (<see cref="DicomValueElement"/>), a sequence of items
/// (<see cref="DicomSequence"/>) or encapsulated pixel data (<see cref="DicomFragmentSequence"/>).</summary>
public abstract class DicomElement
{
    protected DicomElement(DicomTag tag, DicomVR vr)
    {
        Tag = tag;
        VR = vr;
    }

    public DicomTag Tag { get; }

    public DicomVR VR { get; }

    public override string ToString() => $"{Tag} {VR}";
}
