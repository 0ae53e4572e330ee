using System.Collections;
using System.Diagnostics.CodeAnalysis;

namespace Conformance.Dicom.Data;

/// <summary>
/// A data set: elements kept in ascending tag order (PS3.5 7.1). Also used for sequence items
/// (<see cref="UndefinedItemLength"/> records how the item was encoded). Not thread-safe.
/// </summary>
public sealed partial class DicomDataset : IEnumerable<DicomElement>
{
    private readonly List<DicomElement> _elements = [];
    private bool _undefinedItemLength;
    private DicomCharacterSet? _characterSet;
    private DicomCharacterSet? _inheritedCharacterSet;

    public DicomDataset() => Stamp = ChangeStamp.Next();

    public DicomDataset(IEnumerable<DicomElement> elements)
        : this()
    {
        ArgumentNullException.ThrowIfNull(elements);
        foreach (var e in elements)
        {
            AddOrUpdate(e);
        }
    }

    public int Count => _elements.Count;

    /// <summary>When this data set is a sequence item: encoded with undefined length and an item delimiter.</summary>
    public bool UndefinedItemLength
    {
        get => _undefinedItemLength;
        set
        {
            _undefinedItemLength = value;
            Touch();
        }
    }

    /// <summary>Character set of an enclosing data set, used when this one (an item) has no (0008,0005).</summary>
    public DicomCharacterSet? InheritedCharacterSet
    {
        get => _inheritedCharacterSet;
        set
        {
            _inheritedCharacterSet = value;
            _characterSet = null;
        }
    }

    /// <summary>Character set for SH, LO, ST, LT, PN, UC, UT: own (0008,0005), else inherited, else default.</summary>
    public DicomCharacterSet CharacterSet =>
        _characterSet ??= TryGetElement(DicomTags.SpecificCharacterSet, out var e) && e is DicomValueElement v
            ? DicomCharacterSet.FromTerms(v.GetString())
            : InheritedCharacterSet ?? DicomCharacterSet.Default;

    /// <summary>The element with this tag; throws <see cref="DicomDataException"/> when absent.</summary>
    public DicomElement this[DicomTag tag] =>
        TryGetElement(tag, out var e) ? e : throw new DicomDataException($"{tag} is not in the data set");

    public bool Contains(DicomTag tag) => IndexOf(tag) >= 0;

    public bool TryGetElement(DicomTag tag, [NotNullWhen(true)] out DicomElement? element)
    {
        var i = IndexOf(tag);
        element = i >= 0 ? _elements[i] : null;
        return element is not null;
    }

    /// <summary>Adds a new element; throws if the tag is already present.</summary>
    public void Add(DicomElement element)
    {
        ArgumentNullException.ThrowIfNull(element);
        var i = IndexOf(element.Tag);
        if (i >= 0)
        {
            throw new ArgumentException($"{element.Tag} is already in the data set", nameof(element));
        }

        _elements.Insert(~i, element);
        Touch();
    }

    /// <summary>Adds the element or replaces the one with the same tag.</summary>
    public void AddOrUpdate(DicomElement element)
    {
        ArgumentNullException.ThrowIfNull(element);
        var i = IndexOf(element.Tag);
        if (i >= 0)
        {
            _elements[i] = element;
        }
        else
        {
            _elements.Insert(~i, element);
        }

        Touch();
    }

    public bool Remove(DicomTag tag)
    {
        var i = IndexOf(tag);
        if (i < 0)
        {
            return false;
        }

        _elements.RemoveAt(i);
        Touch();
        return true;
    }

    /// <summary>Removes every element matching the predicate (e.g. a whole group).</summary>
    public int RemoveAll(Predicate<DicomElement> match)
    {
        var n = _elements.RemoveAll(match);
        if (n > 0)
        {
            Touch();
        }

        return n;
    }

    public void Clear()
    {
        _elements.Clear();
        Touch();
    }

    /// <summary>A copy: element lists and sequences are copied, values (immutable) are shared.</summary>
    public DicomDataset Clone()
    {
        var copy = new DicomDataset { InheritedCharacterSet = InheritedCharacterSet };
        foreach (var e in _elements)
        {
            copy._elements.Add(e is DicomSequence s
                ? new DicomSequence(s.Tag, s.VR, s.Items.Select(i => i.Clone())) { UndefinedLength = s.UndefinedLength }
                : e);
        }

        copy._undefinedItemLength = _undefinedItemLength;
        return copy;
    }

    public IEnumerator<DicomElement> GetEnumerator() => _elements.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    internal IReadOnlyList<DicomElement> Elements => _elements;

    internal long Stamp { get; private set; }

    /// <summary>Largest change stamp in this data set and everything nested in it.</summary>
    internal long DeepStamp()
    {
        var max = Stamp;
        foreach (var e in _elements)
        {
            if (e is DicomSequence s)
            {
                max = Math.Max(max, s.DeepStamp());
            }
        }

        return max;
    }

    /// <summary>Appends while reading; returns false when the tag is not greater than the last one.</summary>
    internal bool TryAppend(DicomElement element)
    {
        if (_elements.Count > 0 && _elements[^1].Tag >= element.Tag)
        {
            if (Contains(element.Tag))
            {
                return false;
            }

            _elements.Insert(~IndexOf(element.Tag), element);
        }
        else
        {
            _elements.Add(element);
        }

        if (element.Tag == DicomTags.SpecificCharacterSet)
        {
            _characterSet = null;
        }

        return true;
    }

    private void Touch()
    {
        Stamp = ChangeStamp.Next();
        _characterSet = null;
    }

    private int IndexOf(DicomTag tag)
    {
        int lo = 0, hi = _elements.Count - 1;
        var v = tag.Value;
        while (lo <= hi)
        {
            var mid = lo + ((hi - lo) >> 1);
            var m = _elements[mid].Tag.Value;
            if (m == v)
            {
                return mid;
            }

            if (m < v)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid - 1;
            }
        }

        return ~lo;
    }
}
