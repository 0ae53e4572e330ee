using System.Buffers.Binary;
using System.Text;

namespace Conformance.Dicom.Network.Dimse;

/// <summary>
/// The elements of one DIMSE command (group 0000), kept as raw value bytes in tag order.
/// The group length is computed by <see cref="CommandSetCodec"/> and never stored here.
/// </summary>
public sealed class CommandSet
{
    private readonly SortedDictionary<uint, byte[]> _elements = [];

    public IEnumerable<KeyValuePair<uint, byte[]>> Elements => _elements;

    public bool Contains(uint tag) => _elements.ContainsKey(tag);

    public void SetRaw(uint tag, byte[] value)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (tag >> 16 != 0)
        {
            throw new ArgumentOutOfRangeException(nameof(tag), $"{CommandTag.Format(tag)} is not a command element (group 0000).");
        }

        if (tag == CommandTag.CommandGroupLength)
        {
            return;
        }

        _elements[tag] = value;
    }

    public byte[]? GetRaw(uint tag) => _elements.TryGetValue(tag, out var value) ? value : null;

    public void SetUInt16(uint tag, ushort value)
    {
        var bytes = new byte[2];
        BinaryPrimitives.WriteUInt16LittleEndian(bytes, value);
        SetRaw(tag, bytes);
    }

    /// <summary>Sets a UI, AE or LO value, padded to even length (UI with NUL, the others with space).</summary>
    public void SetString(uint tag, string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var padding = CommandTag.KindOf(tag) == CommandValueKind.UI ? (byte)0 : (byte)' ';
        var length = Encoding.ASCII.GetByteCount(value);
        var bytes = new byte[length + (length & 1)];
        Encoding.ASCII.GetBytes(value, bytes);
        if ((length & 1) != 0)
        {
            bytes[^1] = padding;
        }

        SetRaw(tag, bytes);
    }

    /// <summary>Sets an AT value: each tag as group then element, little endian.</summary>
    public void SetTags(uint tag, IReadOnlyList<uint> tags)
    {
        ArgumentNullException.ThrowIfNull(tags);
        var bytes = new byte[tags.Count * 4];
        for (var i = 0; i < tags.Count; i++)
        {
            BinaryPrimitives.WriteUInt16LittleEndian(bytes.AsSpan(i * 4), (ushort)(tags[i] >> 16));
            BinaryPrimitives.WriteUInt16LittleEndian(bytes.AsSpan((i * 4) + 2), (ushort)tags[i]);
        }

        SetRaw(tag, bytes);
    }

    public ushort? GetUInt16(uint tag)
    {
        var raw = GetRaw(tag);
        if (raw is null || raw.Length == 0)
        {
            return null;
        }

        if (raw.Length != 2)
        {
            throw new DimseFormatException($"Command element {CommandTag.Format(tag)} has length {raw.Length}; US needs 2.");
        }

        return BinaryPrimitives.ReadUInt16LittleEndian(raw);
    }

    public ushort RequireUInt16(uint tag) =>
        GetUInt16(tag) ?? throw new DimseFormatException($"Required command element {CommandTag.Format(tag)} is missing.");

    /// <summary>Reads a string value without its trailing padding (NUL or space).</summary>
    public string? GetString(uint tag)
    {
        var raw = GetRaw(tag);
        return raw is null ? null : Encoding.ASCII.GetString(raw).TrimEnd('\0', ' ');
    }

    public string RequireString(uint tag) =>
        GetString(tag) ?? throw new DimseFormatException($"Required command element {CommandTag.Format(tag)} is missing.");

    public IReadOnlyList<uint> GetTags(uint tag)
    {
        var raw = GetRaw(tag);
        if (raw is null)
        {
            return [];
        }

        var tags = new uint[raw.Length / 4];
        for (var i = 0; i < tags.Length; i++)
        {
            var group = BinaryPrimitives.ReadUInt16LittleEndian(raw.AsSpan(i * 4));
            var element = BinaryPrimitives.ReadUInt16LittleEndian(raw.AsSpan((i * 4) + 2));
            tags[i] = ((uint)group << 16) | element;
        }

        return tags;
    }
}
