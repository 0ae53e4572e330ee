using System.Buffers.Binary;
using Conformance.Dicom.Data;
using Conformance.Dicom.IO;

namespace Conformance.Dicom.Network.Services.Storage;

/// <summary>
/// Follows a data set's element structure as its fragments stream past, keeping only the header being read (at most 12
/// bytes) and the open undefined-length sequences and items, so that a data set that ends inside an element (its
/// header, its value, or an unterminated sequence or item) is recognised without buffering or reading it back. A deflated
/// data set (PS3.5 A.5) is inflated as it streams past (<see cref="InflatingFeed"/>) and the inflated explicit VR little
/// endian bytes are followed; a deflate stream that stops before its final block is truncation too. It only ever
/// reports truncation it has followed to the end: for an unknown transfer syntax, deflated bytes that do not inflate, a
/// VR it cannot read or nesting deeper than <see cref="MaxDepth"/> it stops following and reports nothing (the reader
/// of the stored file judges those), so it never refuses an object the SCP could keep.
/// </summary>
public sealed class DatasetEndCheck : IDisposable
{
    private const int MaxDepth = 64;
    private const uint ItemTag = 0xFFFE_E000;
    private const uint ItemDelimiterTag = 0xFFFE_E00D;
    private const uint SequenceDelimiterTag = 0xFFFE_E0DD;
    private const uint Undefined = 0xFFFF_FFFF;

    private readonly Stack<Frame> _open = new();
    private readonly byte[] _header = new byte[12];
    private readonly InflatingFeed? _inflating;
    private readonly InflatingFeed.InflatedHandler _follow;
    private int _headerLength;
    private long _valueRemaining;
    private bool _following;
    private bool _explicitVr;
    private bool _bigEndian;

    public DatasetEndCheck(DicomTransferSyntax syntax)
    {
        ArgumentNullException.ThrowIfNull(syntax);
        _following = syntax.IsKnown;
        _explicitVr = syntax.IsExplicitVR || syntax.IsDeflated;
        _bigEndian = syntax.IsBigEndian && !syntax.IsDeflated;
        _inflating = syntax.IsKnown && syntax.IsDeflated ? new InflatingFeed() : null;
        _follow = Follow;
    }

    private enum Container
    {
        Sequence,
        Item,
    }

    /// <summary>Null when the data set ended at an element boundary (or could not be followed); else what is missing.</summary>
    public string? Truncation => !_following || _inflating?.Unreadable is not null ? null
        : _inflating?.EndedEarly() == true ? "deflated data set truncated: its deflate stream ends before the final block"
        : _valueRemaining > 0 ? $"data set truncated inside an element: {_valueRemaining} bytes of its value missing"
        : _headerLength > 0 ? $"data set truncated inside an element header ({_headerLength} bytes of it received)"
        : _open.Count > 0 ? $"data set truncated inside {(_open.Peek().Kind == Container.Item ? "an item" : "a sequence")} of undefined length ({_open.Count} not closed)"
        : null;

    public void Append(ReadOnlySpan<byte> fragment)
    {
        if (_inflating is null)
        {
            Follow(fragment);
        }
        else if (_following)
        {
            _inflating.Push(fragment, _follow);
        }
    }

    public void Dispose() => _inflating?.Dispose();

    private void Follow(ReadOnlySpan<byte> fragment)
    {
        while (_following && !fragment.IsEmpty)
        {
            if (_valueRemaining > 0)
            {
                var skipped = (int)Math.Min(_valueRemaining, fragment.Length);
                _valueRemaining -= skipped;
                fragment = fragment[skipped..];
                continue;
            }

            var needed = HeaderLength();
            var take = Math.Min(needed - _headerLength, fragment.Length);
            fragment[..take].CopyTo(_header.AsSpan(_headerLength));
            _headerLength += take;
            fragment = fragment[take..];
            if (_headerLength == needed && HeaderLength() == needed)
            {
                _headerLength = 0;
                Enter();
            }
        }
    }

    // 8 bytes until the VR is known; 12 for an explicit VR with a 4-byte length (never for items and delimiters).
    private int HeaderLength()
    {
        if (_headerLength < 8 || !_explicitVr || InSequence || Group == 0xFFFE)
        {
            return 8;
        }

        if (!DicomVR.TryParse(_header[4], _header[5], out var vr))
        {
            _following = false;
            return 8;
        }

        return vr.HasLongExplicitLength ? 12 : 8;
    }

    private bool InSequence => _open.Count > 0 && _open.Peek().Kind == Container.Sequence;

    private ushort Group => _bigEndian ? BinaryPrimitives.ReadUInt16BigEndian(_header) : BinaryPrimitives.ReadUInt16LittleEndian(_header);

    private uint Tag => (uint)Group << 16 | (_bigEndian ? BinaryPrimitives.ReadUInt16BigEndian(_header.AsSpan(2)) : BinaryPrimitives.ReadUInt16LittleEndian(_header.AsSpan(2)));

    private uint UInt32At(int offset) => _bigEndian ? BinaryPrimitives.ReadUInt32BigEndian(_header.AsSpan(offset)) : BinaryPrimitives.ReadUInt32LittleEndian(_header.AsSpan(offset));

    // A complete header: skip its value, open a container, or close one.
    private void Enter()
    {
        if (!_following)
        {
            return;
        }

        var tag = Tag;
        if (InSequence)
        {
            EnterInSequence(tag, UInt32At(4));
            return;
        }

        if (tag == ItemDelimiterTag && _open.Count > 0)
        {
            Close();
            return;
        }

        var (length, nestedImplicit) = ElementLength();
        if (length != Undefined)
        {
            _valueRemaining = length;
            return;
        }

        // An undefined length opens a sequence (or encapsulated pixel data: items of defined length); PS3.5 6.2.2: an
        // undefined-length UN holds implicit VR little endian.
        Open(Container.Sequence, nestedImplicit ? (false, false) : (_explicitVr, _bigEndian));
    }

    private void EnterInSequence(uint tag, uint length)
    {
        if (tag == SequenceDelimiterTag)
        {
            Close();
        }
        else if (tag != ItemTag)
        {
            _following = false;
        }
        else if (length == Undefined)
        {
            Open(Container.Item, (_explicitVr, _bigEndian));
        }
        else
        {
            _valueRemaining = length;
        }
    }

    private (uint Length, bool NestedImplicit) ElementLength()
    {
        if (!_explicitVr || Group == 0xFFFE)
        {
            return (UInt32At(4), false);
        }

        _ = DicomVR.TryParse(_header[4], _header[5], out var vr);
        var length = vr.HasLongExplicitLength
            ? UInt32At(8)
            : _bigEndian ? BinaryPrimitives.ReadUInt16BigEndian(_header.AsSpan(6)) : BinaryPrimitives.ReadUInt16LittleEndian(_header.AsSpan(6));
        return (length, vr == DicomVR.UN);
    }

    private void Open(Container kind, (bool ExplicitVr, bool BigEndian) nested)
    {
        if (_open.Count >= MaxDepth)
        {
            _following = false;
            return;
        }

        _open.Push(new Frame(kind, _explicitVr, _bigEndian));
        (_explicitVr, _bigEndian) = nested;
    }

    private void Close()
    {
        var closed = _open.Pop();
        (_explicitVr, _bigEndian) = (closed.OuterExplicitVr, closed.OuterBigEndian);
    }

    private sealed record Frame(Container Kind, bool OuterExplicitVr, bool OuterBigEndian);
}
