using System.Diagnostics.CodeAnalysis;

namespace Conformance.Dicom.Data;

/// <summary>Typed getters and setters. Strings are decoded with <see cref="DicomDataset.CharacterSet"/>.</summary>
public sealed partial class DicomDataset
{
    public DicomValueElement GetValueElement(DicomTag tag) =>
        this[tag] as DicomValueElement ?? throw new DicomDataException($"{tag} is a sequence, not a value");

    public DicomSequence GetSequence(DicomTag tag) =>
        this[tag] as DicomSequence ?? throw new DicomDataException($"{tag} is not a sequence");

    public bool TryGetSequence(DicomTag tag, [NotNullWhen(true)] out DicomSequence? sequence)
    {
        sequence = TryGetElement(tag, out var e) ? e as DicomSequence : null;
        return sequence is not null;
    }

    public string GetString(DicomTag tag) => GetValueElement(tag).GetString(CharacterSet);

    public bool TryGetString(DicomTag tag, [NotNullWhen(true)] out string? value)
    {
        value = TryGetElement(tag, out var e) && e is DicomValueElement v ? v.GetString(CharacterSet) : null;
        return value is not null;
    }

    /// <summary>The string, or <paramref name="defaultValue"/> when the element is absent.</summary>
    public string? GetStringOrDefault(DicomTag tag, string? defaultValue = null) =>
        TryGetString(tag, out var s) ? s : defaultValue;

    public string[] GetStrings(DicomTag tag) => GetValueElement(tag).GetStrings(CharacterSet);

    /// <summary>A UID value without its NUL padding.</summary>
    public string GetUid(DicomTag tag) => GetValueElement(tag).GetString();

    public ushort GetUInt16(DicomTag tag, int index = 0) => GetValueElement(tag).GetUInt16(index);

    public short GetInt16(DicomTag tag, int index = 0) => GetValueElement(tag).GetInt16(index);

    public uint GetUInt32(DicomTag tag, int index = 0) => GetValueElement(tag).GetUInt32(index);

    public int GetInt32(DicomTag tag, int index = 0) => GetValueElement(tag).GetInt32(index);

    public long GetInt64(DicomTag tag, int index = 0) => GetValueElement(tag).GetInt64(index);

    public ulong GetUInt64(DicomTag tag, int index = 0) => GetValueElement(tag).GetUInt64(index);

    public double GetDouble(DicomTag tag, int index = 0) => GetValueElement(tag).GetDouble(index);

    public DicomTag GetAttributeTag(DicomTag tag, int index = 0) => GetValueElement(tag).GetAttributeTag(index);

    public void SetString(DicomTag tag, DicomVR vr, string value) => SetStrings(tag, vr, [value]);

    public void SetStrings(DicomTag tag, DicomVR vr, params IEnumerable<string> values)
    {
        var charset = tag == DicomTags.SpecificCharacterSet ? DicomCharacterSet.Default : CharacterSet;
        AddOrUpdate(DicomValueEncoder.FromStrings(tag, vr, values, charset));
    }

    /// <summary>Sets a UID (VR UI, padded with NUL to even length).</summary>
    public void SetUid(DicomTag tag, string uid) => AddOrUpdate(DicomValueEncoder.FromStrings(tag, DicomVR.UI, [uid]));

    /// <summary>Sets an integer in an integer VR (US, SS, UL, SL, SV, UV, IS).</summary>
    public void SetInteger(DicomTag tag, DicomVR vr, long value) => AddOrUpdate(DicomValueEncoder.FromInteger(tag, vr, value));

    public void SetUInt16(DicomTag tag, params ReadOnlySpan<ushort> values) => AddOrUpdate(DicomValueEncoder.FromUInt16(tag, DicomVR.US, values));

    public void SetUInt32(DicomTag tag, params ReadOnlySpan<uint> values) => AddOrUpdate(DicomValueEncoder.FromUInt32(tag, DicomVR.UL, values));

    public void SetInt32(DicomTag tag, params ReadOnlySpan<int> values) => AddOrUpdate(DicomValueEncoder.FromInt32(tag, DicomVR.SL, values));

    public void SetDouble(DicomTag tag, params ReadOnlySpan<double> values) => AddOrUpdate(DicomValueEncoder.FromDouble(tag, DicomVR.FD, values));

    /// <summary>Sets raw little-endian bytes with an explicit VR (e.g. OB, OW, UN pixel data).</summary>
    public void SetBytes(DicomTag tag, DicomVR vr, ReadOnlyMemory<byte> littleEndianValue) =>
        AddOrUpdate(new DicomValueElement(tag, vr, littleEndianValue));

    /// <summary>Adds (or replaces) a sequence with these items and returns it.</summary>
    public DicomSequence SetSequence(DicomTag tag, params IEnumerable<DicomDataset> items)
    {
        var s = new DicomSequence(tag, items);
        AddOrUpdate(s);
        return s;
    }
}
