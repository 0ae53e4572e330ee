using System.Buffers.Binary;
using Conformance.Dicom.Data;
using Conformance.Dicom.Dictionary;

namespace Conformance.Dicom.IO;

/// <summary>
/// Parses elements (PS3.5 7) from a <see cref="ByteSource"/>. Every declared length is checked against what remains
/// (the enclosing item or the input) before anything is allocated; errors name the tag and the offset.
/// </summary>
internal sealed partial class DicomDatasetParser
{
    internal const uint UndefinedLength = 0xFFFFFFFF;

    private readonly ByteSource _source;
    private readonly DicomReaderOptions _options;
    private SpillFile? _spill;

    public DicomDatasetParser(ByteSource source, DicomReaderOptions options, List<string>? warnings = null)
    {
        _source = source;
        _options = options;
        Warnings = warnings ?? [];
    }

    /// <summary>What was read although the standard forbids it (as DCMTK reads it, with a warning).</summary>
    public List<string> Warnings { get; }

    /// <summary>Parses a top-level data set until the end of input.</summary>
    public void ParseDataset(DicomDataset dataset, Encoding enc) =>
        ParseElements(dataset, enc, -1, untilDelimiter: false, depth: 0);

    /// <summary>Parses one element and adds it to the data set.</summary>
    public void ParseOneElement(DicomDataset dataset, Encoding enc) => ParseElement(dataset, enc, -1, false, 0);

    /// <summary>
    /// Parses elements until <paramref name="limit"/> (the end of a defined-length item), the item delimiter (when
    /// <paramref name="untilDelimiter"/>) or the end of input (top level). For an undefined-length item the limit is
    /// that of the enclosing defined-length item, if any, so nothing can reach past it.
    /// </summary>
    private void ParseElements(DicomDataset dataset, Encoding enc, long limit, bool untilDelimiter, int depth)
    {
        while (true)
        {
            if (limit >= 0 && _source.Position >= limit)
            {
                if (untilDelimiter)
                {
                    throw new DicomFormatException("item without delimiter reaches the end of its enclosing item", null, _source.Position);
                }

                return;
            }

            if (!untilDelimiter && limit < 0 && _source.AtEnd)
            {
                return;
            }

            if (!ParseElement(dataset, enc, limit, untilDelimiter, depth))
            {
                return;
            }
        }
    }

    /// <summary>Returns false when an item delimiter ended the (undefined-length) item.</summary>
    private bool ParseElement(DicomDataset dataset, Encoding enc, long end, bool untilDelimiter, int depth)
    {
        var start = _source.Position;
        Span<byte> h = stackalloc byte[8];
        _source.ReadExactly(h[..4], null, start);
        var tag = ReadTag(h, enc);

        if (tag.Group == 0xFFFE)
        {
            _source.ReadExactly(h[4..8], tag, start);
            var len = ReadUInt32(h[4..], enc);
            if (tag == DicomTags.ItemDelimitationItem && untilDelimiter)
            {
                if (len != 0)
                {
                    throw new DicomFormatException($"item delimiter with length {len}", tag, start);
                }

                return false;
            }

            throw new DicomFormatException("item or delimiter tag where a data element was expected", tag, start);
        }

        DicomVR vr;
        uint length;
        if (enc.ExplicitVR)
        {
            _source.ReadExactly(h[4..8], tag, start);
            if (!DicomVR.TryParse(h[4], h[5], out vr))
            {
                throw new DicomFormatException($"invalid VR bytes 0x{h[4]:X2}{h[5]:X2}", tag, start);
            }

            if (vr.HasLongExplicitLength)
            {
                _source.ReadExactly(h[4..8], tag, start);
                length = ReadUInt32(h[4..], enc);
            }
            else
            {
                length = enc.BigEndian ? BinaryPrimitives.ReadUInt16BigEndian(h[6..]) : BinaryPrimitives.ReadUInt16LittleEndian(h[6..]);
            }
        }
        else
        {
            _source.ReadExactly(h[4..8], tag, start);
            length = ReadUInt32(h[4..], enc);
            vr = ImplicitVR(tag, dataset);
        }

        if (end >= 0 && _source.Position > end)
        {
            throw new DicomFormatException($"element header goes beyond the end of the enclosing item at {end}", tag, start);
        }

        var element = length == UndefinedLength
            ? ParseUndefinedLength(tag, vr, enc, start, end, depth, dataset)
            : ParseDefinedLength(tag, vr, length, enc, start, end, depth, dataset);

        if (!dataset.TryAppend(element))
        {
            throw new DicomFormatException("duplicate data element", tag, start);
        }

        return true;
    }

    private DicomElement ParseUndefinedLength(DicomTag tag, DicomVR vr, Encoding enc, long start, long limit, int depth, DicomDataset parent)
    {
        if (vr == DicomVR.SQ)
        {
            return ParseSequence(tag, vr, UndefinedLength, enc, start, limit, depth, parent);
        }

        if (vr == DicomVR.UN)
        {
            // PS3.5 6.2.2: UN with undefined length holds a sequence encoded implicit VR little endian.
            return ParseSequence(tag, vr, UndefinedLength, Encoding.ImplicitLittle, start, limit, depth, parent);
        }

        if (vr == DicomVR.OB || vr == DicomVR.OW)
        {
            if (vr == DicomVR.OW)
            {
                Warn("encapsulated value declared OW; read as OB (PS3.5 A.4)", tag, start);
            }

            return ParseFragments(tag, DicomVR.OB, enc, start, limit);
        }

        throw new DicomFormatException($"undefined length is not allowed for VR {vr}", tag, start);
    }

    private DicomElement ParseDefinedLength(DicomTag tag, DicomVR vr, uint length, Encoding enc, long start, long end, int depth, DicomDataset parent)
    {
        CheckFits(tag, length, start, end);
        if (vr == DicomVR.SQ)
        {
            return ParseSequence(tag, vr, length, enc, start, end, depth, parent);
        }

        var unit = vr.ByteSwapSize;
        if (length % unit != 0)
        {
            throw new DicomFormatException($"length {length} is not a multiple of {unit} as VR {vr} requires", tag, start);
        }

        if ((length & 1) == 1)
        {
            if (!_options.AllowOddLengths)
            {
                throw new DicomFormatException($"odd length {length} (PS3.5 7.1.1 requires even lengths)", tag, start);
            }

            Warn($"odd length {length} (PS3.5 7.1.1 requires even lengths); written back padded", tag, start);
        }

        var swap = enc.BigEndian && unit > 1 ? unit : 1;
        return new DicomValueElement(tag, vr, ReadValue(tag, length, swap, _options.LazyValueThreshold, start));
    }

    private void Warn(string message, DicomTag? tag, long offset) =>
        Warnings.Add($"{message} (tag {tag?.ToString() ?? "unknown"}, offset {offset})");

    /// <summary>Throws unless <paramref name="length"/> bytes fit in the enclosing item and in the input.</summary>
    private void CheckFits(DicomTag tag, long length, long start, long end)
    {
        var pos = _source.Position;
        if (end >= 0 && pos + length > end)
        {
            throw new DicomFormatException($"length {length} goes beyond the end of the enclosing item at {end}", tag, start);
        }

        if (_source.End is { } inputEnd && pos + length > inputEnd)
        {
            throw new DicomFormatException($"length {length} goes beyond the end of input ({inputEnd - pos} bytes remain)", tag, start);
        }
    }

    private static DicomTag ReadTag(ReadOnlySpan<byte> b, Encoding enc) =>
        enc.BigEndian
            ? new DicomTag(BinaryPrimitives.ReadUInt16BigEndian(b), BinaryPrimitives.ReadUInt16BigEndian(b[2..]))
            : new DicomTag(BinaryPrimitives.ReadUInt16LittleEndian(b), BinaryPrimitives.ReadUInt16LittleEndian(b[2..]));

    private static uint ReadUInt32(ReadOnlySpan<byte> b, Encoding enc) =>
        enc.BigEndian ? BinaryPrimitives.ReadUInt32BigEndian(b) : BinaryPrimitives.ReadUInt32LittleEndian(b);

    /// <summary>VR for implicit VR data: dictionary, resolving "US or SS" by Pixel Representation and
    /// "OB or OW" to OW (PS3.5 A.1: pixel data in implicit VR is OW); unknown tags are UN.</summary>
    private static DicomVR ImplicitVR(DicomTag tag, DicomDataset dataset)
    {
        if (!DicomDictionary.TryGetEntry(tag, out var entry) || entry.ValueRepresentations.Count == 0)
        {
            return DicomVR.UN;
        }

        var vrs = entry.ValueRepresentations;
        if (vrs.Count > 1 && vrs[0] == DicomVR.US && vrs[1] == DicomVR.SS &&
            dataset.TryGetElement(DicomTags.PixelRepresentation, out var pr) && pr is DicomValueElement { Length: 2 } v &&
            v.GetUInt16() == 1)
        {
            return DicomVR.SS;
        }

        return vrs[0];
    }
}
