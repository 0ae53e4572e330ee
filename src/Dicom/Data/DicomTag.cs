
namespace Conformance.Dicom.Data;

/// <summary>
/// A data element tag (group, element), PS3.5 7.1. Ordered by group, then element. What the dictionary knows of a
/// tag (keyword, parsing a keyword) is added by Conformance.Dicom.Dictionary, which looks down on this layer.
/// </summary>
public readonly struct DicomTag : IEquatable<DicomTag>, IComparable<DicomTag>
{
    public DicomTag(ushort group, ushort element) => Value = ((uint)group << 16) | element;

    public DicomTag(uint value) => Value = value;

    /// <summary>The tag as one 32-bit number, group in the high half.</summary>
    public uint Value { get; }

    public ushort Group => (ushort)(Value >> 16);

    public ushort Element => (ushort)Value;

    /// <summary>Odd group (PS3.5 7.8). Groups 0001, 0003, 0005, 0007 and FFFF are not private.</summary>
    public bool IsPrivate => (Group & 1) == 1 && Group > 0x0007 && Group != 0xFFFF;

    /// <summary>(gggg,0010-00FF) in a private group: reserves block xx = element for (gggg,xx00-xxFF).</summary>
    public bool IsPrivateCreator => IsPrivate && Element >= 0x0010 && Element <= 0x00FF;

    /// <summary>A private data element (gggg,xxyy) with xx in 10-FF, owned by creator (gggg,00xx).</summary>
    public bool IsPrivateData => IsPrivate && Element >= 0x1000;

    /// <summary>(gggg,0000): a group length.</summary>
    public bool IsGroupLength => Element == 0 && Group != 0xFFFE;

    /// <summary>The block number xx of a private data element (gggg,xxyy).</summary>
    public byte PrivateBlock => (byte)(Element >> 8);

    /// <summary>The creator element (gggg,00xx) that reserves this private data element's block.</summary>
    public DicomTag PrivateCreatorTag =>
        IsPrivateData ? new DicomTag(Group, (ushort)(Element >> 8)) : throw new InvalidOperationException($"{this} is not a private data element");

    /// <summary>Private data element (group, block xx, offset yy) = (gggg,xxyy).</summary>
    public static DicomTag Private(ushort group, byte block, byte offset)
    {
        if ((group & 1) == 0 || block < 0x10)
        {
            throw new ArgumentOutOfRangeException(nameof(block), "private group must be odd and block in 10-FF");
        }

        return new DicomTag(group, (ushort)((block << 8) | offset));
    }

    public bool Equals(DicomTag other) => Value == other.Value;

    public override bool Equals(object? obj) => obj is DicomTag t && Equals(t);

    public override int GetHashCode() => (int)Value;

    public int CompareTo(DicomTag other) => Value.CompareTo(other.Value);

    /// <summary>"(gggg,eeee)" in upper-case hex.</summary>
    public override string ToString() => $"({Group:X4},{Element:X4})";

    public static bool operator ==(DicomTag left, DicomTag right) => left.Equals(right);

    public static bool operator !=(DicomTag left, DicomTag right) => !left.Equals(right);

    public static bool operator <(DicomTag left, DicomTag right) => left.Value < right.Value;

    public static bool operator >(DicomTag left, DicomTag right) => left.Value > right.Value;

    public static bool operator <=(DicomTag left, DicomTag right) => left.Value <= right.Value;

    public static bool operator >=(DicomTag left, DicomTag right) => left.Value >= right.Value;
}
