namespace Conformance.Dicom.Dictionary;

/// <summary>Which numbers of a repeating range a dictionary entry covers, e.g. (6000-60FF,...) covers even groups only.</summary>
public enum RangeParity
{
    All,
    Even,
    Odd,
}
