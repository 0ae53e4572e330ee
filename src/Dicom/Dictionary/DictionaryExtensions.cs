using System.Globalization;
using Conformance.Dicom.Data;

namespace Conformance.Dicom.Dictionary;

/// <summary>
/// What the dictionary adds to the data layer's types: keywords, parsing tags by keyword, and setting values in
/// the VR the dictionary gives. They live here, not in Data, so the data layer does not look up to the dictionary.
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Naming", "CA1708", Justification = "The analyzer reads the two C# 14 extension blocks as members named alike.")]
public static class DictionaryExtensions
{
    extension(DicomTag tag)
    {
        /// <summary>Keyword from the public dictionary, or null (private or unknown tags).</summary>
        public string? Keyword => DicomDictionary.TryGetEntry(tag, out var e) ? e.Keyword : null;

        /// <summary>Tag for a keyword of the public dictionary.</summary>
        public static DicomTag FromKeyword(string keyword) =>
            DicomDictionary.TryGetTag(keyword, out var t) ? t : throw new KeyNotFoundException($"unknown DICOM keyword '{keyword}'");

        /// <summary>Parses "(gggg,eeee)", "gggg,eeee", "ggggeeee" or a keyword.</summary>
        public static DicomTag Parse(string text)
        {
            ArgumentNullException.ThrowIfNull(text);
            return TryParseTag(text, out var parsed) ? parsed : throw new FormatException($"not a DICOM tag: '{text}'");
        }

        public static bool TryParse(string text, out DicomTag parsed) => TryParseTag(text, out parsed);
    }

    extension(DicomDataset dataset)
    {
        /// <summary>Sets a string value; the VR comes from the dictionary (LO for private creators).</summary>
        public void SetString(DicomTag tag, string value) => dataset.SetString(tag, DictionaryVR(tag), value);

        /// <summary>Sets an integer in the dictionary VR of the tag (US, SS, UL, SL, SV, UV, IS).</summary>
        public void SetInteger(DicomTag tag, long value) => dataset.SetInteger(tag, DictionaryVR(tag), value);
    }

    private static bool TryParseTag(string text, out DicomTag tag)
    {
        tag = default;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var s = text.Trim().TrimStart('(').TrimEnd(')').Replace(",", string.Empty, StringComparison.Ordinal);
        if (s.Length == 8 && uint.TryParse(s, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var v))
        {
            tag = new DicomTag(v);
            return true;
        }

        return DicomDictionary.TryGetTag(text.Trim(), out tag);
    }

    private static DicomVR DictionaryVR(DicomTag tag)
    {
        if (tag.IsPrivateCreator)
        {
            return DicomVR.LO;
        }

        return DicomDictionary.TryGetEntry(tag, out var e) && e.ValueRepresentations.Count > 0
            ? e.VR
            : throw new DicomDataException($"{tag} is not in the dictionary: give the VR");
    }
}
