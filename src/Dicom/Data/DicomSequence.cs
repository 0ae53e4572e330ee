namespace Conformance.Dicom.Data;

/// <summary>
/// A sequence of items (VR SQ, or UN with undefined length whose items are implicit VR little endian, PS3.5 6.2.2).
/// <see cref="UndefinedLength"/> records how it was read so it is written back the same way.
/// </summary>
public sealed class DicomSequence : DicomElement
{
    private bool _undefinedLength;

    public DicomSequence(DicomTag tag, params IEnumerable<DicomDataset> items)
        : this(tag, DicomVR.SQ, items)
    {
    }

    public DicomSequence(DicomTag tag, DicomVR vr, IEnumerable<DicomDataset> items)
        : base(tag, vr)
    {
        if (vr != DicomVR.SQ && vr != DicomVR.UN)
        {
            throw new ArgumentException($"a sequence has VR SQ or UN, not {vr}", nameof(vr));
        }

        Items = new DicomItemCollection(items);
        _undefinedLength = vr == DicomVR.UN;
        Stamp = ChangeStamp.Next();
    }

    public DicomItemCollection Items { get; }

    /// <summary>Encoded with undefined length (0xFFFFFFFF and a sequence delimitation item); false = defined length.
    /// A UN sequence is always written with undefined length in explicit VR.</summary>
    public bool UndefinedLength
    {
        get => _undefinedLength;
        set
        {
            _undefinedLength = value;
            Stamp = ChangeStamp.Next();
        }
    }

    internal long Stamp { get; private set; }

    internal long DeepStamp()
    {
        var max = Math.Max(Stamp, Items.Stamp);
        foreach (var item in Items)
        {
            max = Math.Max(max, item.DeepStamp());
        }

        return max;
    }

    public override string ToString() => $"{Tag} {VR} {Items.Count} item(s)";
}
