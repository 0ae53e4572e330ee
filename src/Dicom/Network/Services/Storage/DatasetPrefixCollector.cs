using System.Buffers.Binary;
using Conformance.Dicom.Data;
using Conformance.Dicom.IO;

namespace Conformance.Dicom.Network.Services.Storage;

/// <summary>
/// Keeps a copy of a received data set's first elements, up to (not including) the first top-level element at or
/// after a stop tag (e.g. the pixel data), so its attributes can be read without reading the stored file back.
/// Walks element headers only (nested sequences and items included) as fragments arrive; gives up (no prefix) for
/// deflated data, a malformed structure or a prefix longer than its limit, and the caller reads the file instead.
/// </summary>
public sealed class DatasetPrefixCollector
{
    private const uint ItemTag = 0xFFFE_E000;
    private const uint ItemDelimiterTag = 0xFFFE_E00D;
    private const uint SequenceDelimiterTag = 0xFFFE_E0DD;
    private const uint Undefined = 0xFFFF_FFFF;
    private const int MaxDepth = 32;
    private const int FirstStep = 4096;

    private readonly uint _stopTag;
    private readonly int _limit;
    private readonly bool _explicitVr;
    private readonly bool _bigEndian;
    private byte[] _buffer = new byte[4096];
    private int _length;
    private int _boundary;
    private bool _abandoned;

    public DatasetPrefixCollector(DicomTransferSyntax syntax, uint stopTag, int limit = 1 << 20)
    {
        ArgumentNullException.ThrowIfNull(syntax);
        _stopTag = stopTag;
        _limit = limit;
        _explicitVr = syntax.IsExplicitVR;
        _bigEndian = syntax.IsBigEndian;
        _abandoned = syntax.IsDeflated || !syntax.IsKnown;
    }

    /// <summary>True once the stop tag (or the end of the data set) was reached at an element boundary.</summary>
    public bool IsComplete { get; private set; }

    /// <summary>The elements before the stop tag, in the received transfer syntax; null unless <see cref="IsComplete"/>.</summary>
    public ReadOnlyMemory<byte>? Prefix => IsComplete ? _buffer.AsMemory(0, _boundary) : (ReadOnlyMemory<byte>?)null;

    public void Append(ReadOnlySpan<byte> fragment)
    {
        // In growing steps, stopping at the stop tag: a CT image's first fragment carries up to a PDU of pixel data
        // (256 KB), which copied whole would cost a large-object allocation and a copy per instance for a few KB kept.
        while (!IsComplete && !_abandoned && !fragment.IsEmpty)
        {
            var take = Math.Min(Math.Min(fragment.Length, Math.Max(FirstStep, _length)), _limit - _length);
            if (_length + take > _buffer.Length)
            {
                Array.Resize(ref _buffer, (int)Math.Min(_limit, Math.Max((long)_buffer.Length * 2, _length + take)));
            }

            fragment[..take].CopyTo(_buffer.AsSpan(_length));
            _length += take;
            fragment = fragment[take..];
            Walk();
            if (!IsComplete && _length >= _limit)
            {
                Abandon();
            }
        }
    }

    /// <summary>The data set ended: if it ended at an element boundary, the whole of it is the prefix.</summary>
    public void End()
    {
        if (!IsComplete && !_abandoned && _boundary == _length)
        {
            IsComplete = true;
        }
    }

    private void Walk()
    {
        try
        {
            while (_boundary + 4 <= _length)
            {
                if (Tag(_boundary, _bigEndian) >= _stopTag)
                {
                    IsComplete = true;
                    return;
                }

                var end = SkipElement(_boundary, _explicitVr, _bigEndian, 0);
                if (end < 0)
                {
                    return;
                }

                _boundary = (int)end;
            }
        }
        catch (InvalidDataException)
        {
            Abandon();
        }
    }

    private void Abandon()
    {
        _abandoned = true;
        _buffer = [];
        _length = 0;
    }

    // Returns the offset after the element at p, or -1 when more bytes are needed.
    private long SkipElement(long p, bool explicitVr, bool bigEndian, int depth)
    {
        if (p + 8 > _length)
        {
            return -1;
        }

        long header = 8;
        uint length;
        var nestedExplicit = explicitVr;
        var nestedBigEndian = bigEndian;
        if (explicitVr)
        {
            if (!DicomVR.TryParse(_buffer[p + 4], _buffer[p + 5], out var vr))
            {
                throw new InvalidDataException($"no VR at {p + 4}");
            }

            if (vr.HasLongExplicitLength)
            {
                if (p + 12 > _length)
                {
                    return -1;
                }

                header = 12;
                length = UInt32((int)p + 8, bigEndian);
            }
            else
            {
                length = bigEndian ? BinaryPrimitives.ReadUInt16BigEndian(_buffer.AsSpan((int)p + 6)) : BinaryPrimitives.ReadUInt16LittleEndian(_buffer.AsSpan((int)p + 6));
            }

            // PS3.5 6.2.2: an undefined-length UN holds implicit VR little endian.
            if (vr == DicomVR.UN)
            {
                nestedExplicit = false;
                nestedBigEndian = false;
            }
        }
        else
        {
            length = UInt32((int)p + 4, bigEndian);
        }

        if (length != Undefined)
        {
            var end = p + header + length;
            return end <= _length ? end : -1;
        }

        if (depth >= MaxDepth)
        {
            throw new InvalidDataException("sequences nested too deeply");
        }

        return SkipItems(p + header, nestedExplicit, nestedBigEndian, depth + 1);
    }

    // Items (or encapsulated fragments) up to and including the sequence delimiter.
    private long SkipItems(long p, bool explicitVr, bool bigEndian, int depth)
    {
        while (true)
        {
            if (p + 8 > _length)
            {
                return -1;
            }

            var tag = Tag(p, bigEndian);
            var length = UInt32((int)p + 4, bigEndian);
            if (tag == SequenceDelimiterTag)
            {
                return p + 8;
            }

            if (tag != ItemTag)
            {
                throw new InvalidDataException($"expected an item at {p}");
            }

            p = length != Undefined ? p + 8 + length : SkipItemElements(p + 8, explicitVr, bigEndian, depth);
            if (p < 0 || p > _length)
            {
                return -1;
            }
        }
    }

    private long SkipItemElements(long p, bool explicitVr, bool bigEndian, int depth)
    {
        while (true)
        {
            if (p + 8 > _length)
            {
                return -1;
            }

            if (Tag(p, bigEndian) == ItemDelimiterTag)
            {
                return p + 8;
            }

            p = SkipElement(p, explicitVr, bigEndian, depth);
            if (p < 0)
            {
                return -1;
            }
        }
    }

    private uint Tag(long p, bool bigEndian)
    {
        var span = _buffer.AsSpan((int)p, 4);
        return bigEndian
            ? (uint)BinaryPrimitives.ReadUInt16BigEndian(span) << 16 | BinaryPrimitives.ReadUInt16BigEndian(span[2..])
            : (uint)BinaryPrimitives.ReadUInt16LittleEndian(span) << 16 | BinaryPrimitives.ReadUInt16LittleEndian(span[2..]);
    }

    private uint UInt32(int p, bool bigEndian) =>
        bigEndian ? BinaryPrimitives.ReadUInt32BigEndian(_buffer.AsSpan(p)) : BinaryPrimitives.ReadUInt32LittleEndian(_buffer.AsSpan(p));
}
