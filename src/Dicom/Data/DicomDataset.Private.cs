namespace Conformance.Dicom.Data;

/// <summary>Private data elements (PS3.5 7.8.1): a creator (gggg,00xx) of VR LO reserves (gggg,xx00-xxFF).</summary>
public sealed partial class DicomDataset
{
    /// <summary>The block xx reserved by <paramref name="creator"/> in <paramref name="group"/>, reserving the
    /// first free block (adding the creator element) when there is none.</summary>
    public byte ReservePrivateBlock(ushort group, string creator)
    {
        ArgumentException.ThrowIfNullOrEmpty(creator);
        if (TryGetPrivateBlock(group, creator, out var block))
        {
            return block;
        }

        for (var xx = 0x10; xx <= 0xFF; xx++)
        {
            var t = new DicomTag(group, (ushort)xx);
            if (!Contains(t))
            {
                if (!t.IsPrivateCreator)
                {
                    throw new ArgumentOutOfRangeException(nameof(group), $"group {group:X4} is not a private group");
                }

                SetString(t, DicomVR.LO, creator);
                return (byte)xx;
            }
        }

        throw new DicomDataException($"no free private block in group {group:X4}");
    }

    public bool TryGetPrivateBlock(ushort group, string creator, out byte block)
    {
        for (var xx = 0x10; xx <= 0xFF; xx++)
        {
            if (TryGetElement(new DicomTag(group, (ushort)xx), out var e) && e is DicomValueElement v &&
                string.Equals(v.GetString(CharacterSet).Trim(), creator.Trim(), StringComparison.Ordinal))
            {
                block = (byte)xx;
                return true;
            }
        }

        block = 0;
        return false;
    }

    /// <summary>The tag (gggg,xxyy) for offset yy in the block of <paramref name="creator"/>, reserving the block.</summary>
    public DicomTag GetOrReservePrivateTag(ushort group, string creator, byte offset) =>
        DicomTag.Private(group, ReservePrivateBlock(group, creator), offset);

    /// <summary>The creator string owning a private data element, or null when its block is not reserved.</summary>
    public string? GetPrivateCreator(DicomTag tag) =>
        tag.IsPrivateData && TryGetElement(tag.PrivateCreatorTag, out var e) && e is DicomValueElement v
            ? v.GetString(CharacterSet).Trim()
            : null;
}
