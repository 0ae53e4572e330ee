using System.Buffers.Binary;
using Conformance.Dicom.Data;

namespace Conformance.Dicom.IO;

/// <summary>Sequences, items, encapsulated fragments and value bytes.</summary>
internal sealed partial class DicomDatasetParser
{
    private DicomSequence ParseSequence(DicomTag tag, DicomVR vr, uint length, Encoding enc, long start, long limit, int depth, DicomDataset parent)
    {
        if (depth + 1 > _options.MaxDepth)
        {
            throw new DicomFormatException($"sequences nested deeper than {_options.MaxDepth}", tag, start);
        }

        var seq = new DicomSequence(tag, vr, []) { UndefinedLength = length == UndefinedLength };
        // A defined length was checked against the limit by the caller; an undefined one inherits the limit.
        var seqEnd = length == UndefinedLength ? limit : _source.Position + length;
        var defined = length != UndefinedLength;
        Span<byte> h = stackalloc byte[8];
        while (!defined || _source.Position < seqEnd)
        {
            var itemStart = _source.Position;
            CheckFits(tag, 8, itemStart, seqEnd);
            _source.ReadExactly(h, tag, itemStart);
            var itemTag = ReadTag(h, enc);
            var itemLength = ReadUInt32(h[4..], enc);
            if (itemTag == DicomTags.SequenceDelimitationItem)
            {
                if (defined)
                {
                    throw new DicomFormatException("sequence delimiter inside a defined-length sequence", tag, itemStart);
                }

                CheckDelimiterLength(tag, itemLength, itemStart);
                break;
            }

            if (itemTag != DicomTags.Item)
            {
                throw new DicomFormatException($"expected an item, found {itemTag}", tag, itemStart);
            }

            var item = new DicomDataset { InheritedCharacterSet = parent.CharacterSet };
            if (itemLength == UndefinedLength)
            {
                item.UndefinedItemLength = true;
                ParseElements(item, enc, seqEnd, untilDelimiter: true, depth + 1);
            }
            else
            {
                CheckFits(tag, itemLength, itemStart, seqEnd);
                ParseElements(item, enc, _source.Position + itemLength, untilDelimiter: false, depth + 1);
            }

            seq.Items.Add(item);
        }

        return seq;
    }

    private DicomFragmentSequence ParseFragments(DicomTag tag, DicomVR vr, Encoding enc, long start, long limit)
    {
        DicomBuffer? offsetTable = null;
        var fragments = new List<DicomBuffer>();
        Span<byte> h = stackalloc byte[8];
        while (true)
        {
            var itemStart = _source.Position;
            CheckFits(tag, 8, itemStart, limit);
            _source.ReadExactly(h, tag, itemStart);
            var itemTag = ReadTag(h, enc);
            var length = ReadUInt32(h[4..], enc);
            if (itemTag == DicomTags.SequenceDelimitationItem)
            {
                CheckDelimiterLength(tag, length, itemStart);
                break;
            }

            if (itemTag != DicomTags.Item)
            {
                throw new DicomFormatException($"expected a fragment item, found {itemTag}", tag, itemStart);
            }

            if (length == UndefinedLength)
            {
                throw new DicomFormatException("fragment with undefined length", tag, itemStart);
            }

            CheckFits(tag, length, itemStart, limit);
            var value = ReadValue(tag, length, 1, offsetTable is null ? _options.LazyValueThreshold : _options.LazyFragmentThreshold, itemStart);
            if (offsetTable is null)
            {
                offsetTable = value;
            }
            else
            {
                fragments.Add(value);
            }
        }

        return new DicomFragmentSequence(tag, vr, offsetTable ?? DicomBuffer.Empty, fragments);
    }

    /// <summary>Delimiters have length 0 (PS3.5 7.5); anything else could not be written back as read.</summary>
    private static void CheckDelimiterLength(DicomTag tag, uint length, long offset)
    {
        if (length != 0)
        {
            throw new DicomFormatException($"sequence delimiter with length {length}", tag, offset);
        }
    }

    /// <summary>Reads a value whose length was checked against the input (when its size is known). Large values of a
    /// file become lazy ranges; from a non-seekable stream the value is read in bounded chunks, so a lying length
    /// fails at the end of input instead of allocating what it declares.</summary>
    private DicomBuffer ReadValue(DicomTag tag, uint length, int swapUnit, long lazyThreshold, long start)
    {
        if (length == 0)
        {
            return DicomBuffer.Empty;
        }

        if (_source.FilePath is { } path && length >= lazyThreshold)
        {
            var range = new DicomFileRange(path, _source.Position, length, swapUnit);
            _source.Skip(length);
            return range;
        }

        byte[] data;
        if (_source.End is not null || length <= _options.ReadChunkSize)
        {
            data = new byte[length];
            _source.ReadExactly(data, tag, start);
        }
        else
        {
            data = ReadChunked(tag, length, start);
        }

        if (swapUnit > 1)
        {
            ByteSwap.InPlace(data, swapUnit);
        }

        return new DicomMemoryBuffer(data);
    }

    private byte[] ReadChunked(DicomTag tag, uint length, long start)
    {
        var data = new byte[_options.ReadChunkSize];
        var filled = 0;
        while (filled < length)
        {
            if (filled == data.Length)
            {
                Array.Resize(ref data, (int)Math.Min((long)data.Length * 2, length));
            }

            var n = _source.Read(data.AsSpan(filled, data.Length - filled));
            if (n == 0)
            {
                throw new DicomFormatException($"input truncated: value of {length} bytes ended after {filled}", tag, start);
            }

            filled += n;
        }

        return data;
    }
}
