using System.Collections.Frozen;
using System.Diagnostics.CodeAnalysis;
using Conformance.Dicom.Data;

namespace Conformance.Dicom.Dictionary;

/// <summary>
/// The public data dictionary of PS3.6 (tag -> VR, VM, keyword), generated from DCMTK's dicom.dic by
/// tools/dictionary-generator. Private creators (gggg,0010-00FF) and group lengths (gggg,0000) are answered in code.
/// </summary>
public static class DicomDictionary
{
    private static readonly Lazy<Tables> s_tables = new(Build);

    /// <summary>All entries, including repeating ranges.</summary>
    public static IReadOnlyList<DicomDictionaryEntry> Entries => s_tables.Value.All;

    public static bool TryGetEntry(DicomTag tag, [NotNullWhen(true)] out DicomDictionaryEntry? entry)
    {
        var t = s_tables.Value;
        if (t.Exact.TryGetValue(tag.Value, out entry))
        {
            return true;
        }

        foreach (var r in t.Ranges)
        {
            if (r.Covers(tag))
            {
                entry = r;
                return true;
            }
        }

        if (tag.IsPrivateCreator)
        {
            entry = t.PrivateCreator;
            return true;
        }

        if (tag.IsGroupLength)
        {
            entry = t.GroupLength;
            return true;
        }

        entry = null;
        return false;
    }

    public static bool TryGetTag(string keyword, out DicomTag tag)
    {
        if (s_tables.Value.ByKeyword.TryGetValue(keyword, out var e))
        {
            tag = e.Tag;
            return true;
        }

        tag = default;
        return false;
    }

    /// <summary>The VR to use for a tag when none is encoded (implicit VR) or given: dictionary VR, LO for
    /// private creators, UL for group lengths, else UN.</summary>
    public static DicomVR GetDefaultVR(DicomTag tag) => TryGetEntry(tag, out var e) ? e.VR : DicomVR.UN;

    private static Tables Build()
    {
        var all = DicomDictionaryData.Create();
        var exact = new Dictionary<uint, DicomDictionaryEntry>();
        var ranges = new List<DicomDictionaryEntry>();
        var byKeyword = new Dictionary<string, DicomDictionaryEntry>(StringComparer.Ordinal);
        foreach (var e in all)
        {
            if (e.IsRange)
            {
                ranges.Add(e);
            }
            else
            {
                exact[e.Tag.Value] = e;
            }

            if (!byKeyword.TryGetValue(e.Keyword, out var existing) || (existing.IsRetired && !e.IsRetired))
            {
                byKeyword[e.Keyword] = e;
            }
        }

        return new Tables(
            all,
            exact.ToFrozenDictionary(),
            ranges.ToArray(),
            byKeyword.ToFrozenDictionary(StringComparer.Ordinal),
            new DicomDictionaryEntry(0x0009, 0xFFFF, RangeParity.Odd, 0x0010, 0x00FF, RangeParity.All, "LO", "1", "PrivateCreator", false),
            new DicomDictionaryEntry(0x0000, 0xFFFF, RangeParity.All, 0x0000, 0x0000, RangeParity.All, "UL", "1", "GroupLength", false));
    }

    private sealed record Tables(
        DicomDictionaryEntry[] All,
        FrozenDictionary<uint, DicomDictionaryEntry> Exact,
        DicomDictionaryEntry[] Ranges,
        FrozenDictionary<string, DicomDictionaryEntry> ByKeyword,
        DicomDictionaryEntry PrivateCreator,
        DicomDictionaryEntry GroupLength);
}
