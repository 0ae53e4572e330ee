using Conformance.Dicom.Data;

namespace Conformance.Dicom.Dictionary;

/// <summary>One entry of the PS3.6 data dictionary: a tag or a repeating range (e.g. 60xx overlays), VR, VM, keyword.</summary>
public sealed class DicomDictionaryEntry
{
    internal DicomDictionaryEntry(ushort group, ushort element, string vrs, string vm, string keyword, bool retired)
        : this(group, group, RangeParity.All, element, element, RangeParity.All, vrs, vm, keyword, retired)
    {
    }

    internal DicomDictionaryEntry(
        ushort groupLow, ushort groupHigh, RangeParity groupParity,
        ushort elementLow, ushort elementHigh, RangeParity elementParity,
        string vrs, string vm, string keyword, bool retired)
    {
        GroupLow = groupLow;
        GroupHigh = groupHigh;
        GroupParity = groupParity;
        ElementLow = elementLow;
        ElementHigh = elementHigh;
        ElementParity = elementParity;
        ValueRepresentations = vrs.Length == 0 ? [] : vrs.Split(',').Select(DicomVR.Parse).ToArray();
        ValueMultiplicity = vm;
        Keyword = keyword;
        IsRetired = retired;
    }

    public ushort GroupLow { get; }

    public ushort GroupHigh { get; }

    public RangeParity GroupParity { get; }

    public ushort ElementLow { get; }

    public ushort ElementHigh { get; }

    public RangeParity ElementParity { get; }

    /// <summary>True for repeating groups or element ranges such as (60xx,3000) or (0020,3100-31FF).</summary>
    public bool IsRange => GroupLow != GroupHigh || ElementLow != ElementHigh;

    /// <summary>First tag the entry covers.</summary>
    public DicomTag Tag => new(GroupLow, ElementLow);

    /// <summary>Allowed VRs ("US or SS" gives two); empty for item delimiters.</summary>
    public IReadOnlyList<DicomVR> ValueRepresentations { get; }

    /// <summary>The VR used when no other information is present (first allowed VR; UN if none).</summary>
    public DicomVR VR => ValueRepresentations.Count > 0 ? ValueRepresentations[0] : DicomVR.UN;

    /// <summary>Value multiplicity as in PS3.6, e.g. "1", "1-n", "2-2n".</summary>
    public string ValueMultiplicity { get; }

    public string Keyword { get; }

    public bool IsRetired { get; }

    public bool Covers(DicomTag tag) =>
        InRange(tag.Group, GroupLow, GroupHigh, GroupParity) && InRange(tag.Element, ElementLow, ElementHigh, ElementParity);

    private static bool InRange(ushort v, ushort low, ushort high, RangeParity parity) =>
        v >= low && v <= high && parity switch
        {
            RangeParity.Even => (v & 1) == 0,
            RangeParity.Odd => (v & 1) == 1,
            _ => true,
        };

    public override string ToString() => $"{Tag} {string.Join('/', ValueRepresentations)} {ValueMultiplicity} {Keyword}";
}
