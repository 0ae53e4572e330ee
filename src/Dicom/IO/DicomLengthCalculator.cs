using Conformance.Dicom.Data;

namespace Conformance.Dicom.IO;

/// <summary>Encoded sizes, exactly as <see cref="DicomDatasetEncoder"/> writes them (for defined lengths).</summary>
internal static class DicomLengthCalculator
{
    public static long Dataset(DicomDataset dataset, Encoding enc, GroupLengthHandling groups)
    {
        long total = 0;
        foreach (var e in dataset.Elements)
        {
            if (e.Tag.IsGroupLength && groups == GroupLengthHandling.Remove && e.Tag.Group != 0x0002)
            {
                continue;
            }

            total += Element(e, enc, groups);
        }

        return total;
    }

    public static long Element(DicomElement element, Encoding enc, GroupLengthHandling groups) => element switch
    {
        DicomValueElement v => HeaderLength(v.VR, v.Length + Padding(v), enc) + v.Length + Padding(v),
        DicomSequence s => (enc.ExplicitVR ? 12 : 8) + SequenceValue(s, enc, groups) + (IsUndefined(s, enc) ? 8 : 0),
        DicomFragmentSequence f => (enc.ExplicitVR ? 12 : 8) + 8 + f.OffsetTable.Length + f.Fragments.Sum(x => 8 + x.Length) + 8,
        _ => throw new InvalidOperationException(element.GetType().Name),
    };

    /// <summary>The byte an odd-length value (read leniently) gets on writing, so every written length is even.</summary>
    public static int Padding(DicomValueElement value) => (int)(value.Length & 1);

    /// <summary>Bytes between the sequence header and its delimiter (the items).</summary>
    public static long SequenceValue(DicomSequence s, Encoding enc, GroupLengthHandling groups)
    {
        var inner = s.VR == DicomVR.UN ? Encoding.ImplicitLittle : enc;
        long total = 0;
        foreach (var item in s.Items)
        {
            total += 8 + Dataset(item, inner, groups) + (item.UndefinedItemLength ? 8 : 0);
        }

        return total;
    }

    /// <summary>A UN sequence is always undefined length in explicit VR (PS3.5 6.2.2).</summary>
    public static bool IsUndefined(DicomSequence s, Encoding enc) => s.UndefinedLength || (s.VR == DicomVR.UN && enc.ExplicitVR);

    /// <summary>Header size; a short-length VR whose value exceeds 65534 bytes is written as UN (PS3.5 6.2.2 note).</summary>
    public static int HeaderLength(DicomVR vr, long length, Encoding enc) =>
        !enc.ExplicitVR ? 8 : (vr.HasLongExplicitLength || length > 0xFFFF ? 12 : 8);
}
