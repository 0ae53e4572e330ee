using System.Buffers;
using System.Buffers.Binary;
using Conformance.Dicom.Data;

namespace Conformance.Dicom.IO;

/// <summary>
/// Encodes a data set as a series of <see cref="WriteSegment"/>s: headers and small values collected in one pooled
/// buffer, large values handed over by reference so they stream (from memory or file) without copies. The same
/// walk serves synchronous, asynchronous and <see cref="IBufferWriter{T}"/> sinks.
/// </summary>
internal sealed partial class DicomDatasetEncoder : IDisposable
{
    private readonly DicomWriterOptions _options;
    private readonly int _inlineLimit;
    private byte[] _buffer;
    private int _pos;

    public DicomDatasetEncoder(DicomWriterOptions options)
    {
        _options = options;
        _buffer = ArrayPool<byte>.Shared.Rent(Math.Max(options.BufferSize, 1024));
        _inlineLimit = Math.Min(options.InlineValueLimit, _buffer.Length - 16);
    }

    public IEnumerable<WriteSegment> Encode(DicomDataset dataset, Encoding enc)
    {
        foreach (var s in EncodeDataset(dataset, enc))
        {
            yield return s;
        }

        if (_pos > 0)
        {
            yield return Flush();
            _pos = 0;
        }
    }

    private IEnumerable<WriteSegment> EncodeDataset(DicomDataset dataset, Encoding enc)
    {
        var elements = dataset.Elements;
        for (var i = 0; i < elements.Count; i++)
        {
            var e = elements[i];
            if (e.Tag.IsGroupLength && e is DicomValueElement gl)
            {
                if (_options.GroupLengths == GroupLengthHandling.Remove && e.Tag.Group != 0x0002)
                {
                    continue;
                }

                if (_options.GroupLengths == GroupLengthHandling.Recalculate && gl.Length == 4)
                {
                    e = DicomValueEncoder.FromUInt32(e.Tag, gl.VR, (uint)GroupLength(elements, i, enc));
                }
            }

            if (_buffer.Length - _pos < 16)
            {
                yield return Flush();
                _pos = 0;
            }

            switch (e)
            {
                case DicomValueElement v:
                    foreach (var s in EncodeValue(v, enc))
                    {
                        yield return s;
                    }

                    break;
                case DicomSequence seq:
                    foreach (var s in EncodeSequence(seq, enc))
                    {
                        yield return s;
                    }

                    break;
                case DicomFragmentSequence f:
                    foreach (var s in EncodeFragments(f, enc))
                    {
                        yield return s;
                    }

                    break;
            }
        }
    }

    private long GroupLength(IReadOnlyList<DicomElement> elements, int index, Encoding enc)
    {
        long total = 0;
        var group = elements[index].Tag.Group;
        for (var j = index + 1; j < elements.Count && elements[j].Tag.Group == group; j++)
        {
            total += DicomLengthCalculator.Element(elements[j], enc, _options.GroupLengths);
        }

        return total;
    }

    // An odd length (read leniently from a non-conformant file) is written padded to even (PS3.5 7.1.1).
    private IEnumerable<WriteSegment> EncodeValue(DicomValueElement v, Encoding enc)
    {
        var length = v.Length;
        var pad = DicomLengthCalculator.Padding(v);
        var vr = v.VR;
        if (enc.ExplicitVR && !vr.HasLongExplicitLength && length + pad > 0xFFFF)
        {
            vr = DicomVR.UN;
        }

        WriteHeader(v.Tag, vr, (uint)(length + pad), enc);
        var swap = enc.BigEndian && vr.ByteSwapSize > 1 ? vr.ByteSwapSize : 1;
        if (length == 0)
        {
            yield break;
        }

        if (length + pad <= _inlineLimit && v.Value.IsInMemory)
        {
            if (_buffer.Length - _pos < length + pad)
            {
                yield return Flush();
                _pos = 0;
            }

            var target = _buffer.AsSpan(_pos, (int)length);
            v.Value.GetMemory().Span.CopyTo(target);
            if (swap > 1)
            {
                ByteSwap.InPlace(target, swap);
            }

            _pos += (int)length;
            WritePadding(v, pad);
            yield break;
        }

        if (_pos > 0)
        {
            yield return Flush();
            _pos = 0;
        }

        yield return new WriteSegment(default, v.Value, swap);
        WritePadding(v, pad);
    }

    private void WritePadding(DicomValueElement v, int pad)
    {
        if (pad == 1)
        {
            _buffer[_pos++] = v.VR.PaddingByte;
        }
    }

    private IEnumerable<WriteSegment> EncodeSequence(DicomSequence seq, Encoding enc)
    {
        var undefined = DicomLengthCalculator.IsUndefined(seq, enc);
        var length = undefined ? DicomDatasetParser.UndefinedLength : checked((uint)DicomLengthCalculator.SequenceValue(seq, enc, _options.GroupLengths));
        WriteHeader(seq.Tag, seq.VR, length, enc);
        var inner = seq.VR == DicomVR.UN ? Encoding.ImplicitLittle : enc;
        foreach (var item in seq.Items)
        {
            if (_buffer.Length - _pos < 16)
            {
                yield return Flush();
                _pos = 0;
            }

            var itemLength = item.UndefinedItemLength
                ? DicomDatasetParser.UndefinedLength
                : checked((uint)DicomLengthCalculator.Dataset(item, inner, _options.GroupLengths));
            WriteItemHeader(DicomTags.Item, itemLength, inner);
            foreach (var s in EncodeDataset(item, inner))
            {
                yield return s;
            }

            if (item.UndefinedItemLength)
            {
                if (_buffer.Length - _pos < 8)
                {
                    yield return Flush();
                    _pos = 0;
                }

                WriteItemHeader(DicomTags.ItemDelimitationItem, 0, inner);
            }
        }

        if (undefined)
        {
            if (_buffer.Length - _pos < 8)
            {
                yield return Flush();
                _pos = 0;
            }

            WriteItemHeader(DicomTags.SequenceDelimitationItem, 0, inner);
        }
    }

    private IEnumerable<WriteSegment> EncodeFragments(DicomFragmentSequence f, Encoding enc)
    {
        WriteHeader(f.Tag, f.VR, DicomDatasetParser.UndefinedLength, enc);
        foreach (var value in f.Fragments.Prepend(f.OffsetTable))
        {
            if (_buffer.Length - _pos < 8)
            {
                yield return Flush();
                _pos = 0;
            }

            WriteItemHeader(DicomTags.Item, checked((uint)value.Length), enc);
            if (value.Length <= _inlineLimit && value.IsInMemory && _buffer.Length - _pos >= value.Length)
            {
                value.GetMemory().Span.CopyTo(_buffer.AsSpan(_pos));
                _pos += (int)value.Length;
                continue;
            }

            yield return Flush();
            _pos = 0;
            yield return new WriteSegment(default, value, 1);
        }

        if (_buffer.Length - _pos < 8)
        {
            yield return Flush();
            _pos = 0;
        }

        WriteItemHeader(DicomTags.SequenceDelimitationItem, 0, enc);
    }

    private WriteSegment Flush() => new(_buffer.AsMemory(0, _pos), null, 1);

    public void Dispose()
    {
        if (_buffer.Length > 0)
        {
            ArrayPool<byte>.Shared.Return(_buffer);
            _buffer = [];
        }
    }
}
