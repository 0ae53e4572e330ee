using Conformance.Dicom.Data;
using Conformance.Dicom.Dictionary;

namespace Conformance.Dicom.Query;

/// <summary>
/// Reads a C-FIND/C-MOVE/C-GET identifier into level and keys, and builds the response identifier of a
/// match: every key the request asked for, with the stored value or empty (PS3.4 C.4.1.1.3.2).
/// </summary>
public static class QueryIdentifier
{
    public static DicomTag QueryRetrieveLevel => DicomTags.QueryRetrieveLevel;

    /// <summary>The level, or null when (0008,0052) is missing or not a known level.</summary>
    public static QueryLevel? ReadLevel(DicomDataset identifier)
    {
        ArgumentNullException.ThrowIfNull(identifier);
        return identifier.TryGetString(DicomTags.QueryRetrieveLevel, out var text) && QueryLevelNames.TryParse(text, out var level)
            ? level
            : null;
    }

    /// <summary>The string-valued keys (sequences and binary values are not matched on).</summary>
    public static IReadOnlyList<QueryKey> ReadKeys(DicomDataset identifier)
    {
        ArgumentNullException.ThrowIfNull(identifier);
        var keys = new List<QueryKey>();
        foreach (var element in identifier)
        {
            if (element.Tag == DicomTags.QueryRetrieveLevel || element.Tag == DicomTags.SpecificCharacterSet
                || element is not DicomValueElement value || !value.VR.IsString)
            {
                continue;
            }

            keys.Add(new QueryKey(element.Tag.Value, value.GetString(identifier.CharacterSet)));
        }

        return keys;
    }

    /// <summary>
    /// The response identifier for one matching row, in a character set that holds its values (declared in (0008,0005)
    /// when it is not the default repertoire, <see cref="ResponseCharacterSet"/>).
    /// </summary>
    public static DicomDataset BuildResponse(DicomDataset request, IReadOnlyDictionary<uint, string> row, QueryLevel level)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(row);
        var response = new DicomDataset();
        var returned = request.OfType<DicomValueElement>()
            .Where(e => e.VR.IsString && e.Tag != DicomTags.SpecificCharacterSet && e.Tag != DicomTags.QueryRetrieveLevel)
            .Select(e => row.TryGetValue(e.Tag.Value, out var stored) ? stored : string.Empty);
        var charset = ResponseCharacterSet.Choose(request.GetStringOrDefault(DicomTags.SpecificCharacterSet), returned);
        if (charset.Length > 0)
        {
            response.SetString(DicomTags.SpecificCharacterSet, charset);
        }

        foreach (var element in request)
        {
            if (element.Tag == DicomTags.SpecificCharacterSet || element.Tag == DicomTags.QueryRetrieveLevel)
            {
                continue;
            }

            if (element is DicomValueElement value && value.VR.IsString)
            {
                row.TryGetValue(element.Tag.Value, out var stored);
                response.SetString(element.Tag, value.VR, stored ?? string.Empty);
            }
            else if (element is DicomSequence sequence)
            {
                // Sequence matching is not supported: answer the key empty.
                response.SetSequence(sequence.Tag);
            }
            else
            {
                response.SetBytes(element.Tag, element.VR, ReadOnlyMemory<byte>.Empty);
            }
        }

        response.SetString(DicomTags.QueryRetrieveLevel, level.ToDicom());
        return response;
    }

    /// <summary>Parses a CLI key "PatientID=123" or "0010,0020=123" (value may be empty) into tag, VR and value.</summary>
    public static (DicomTag Tag, DicomVR VR, string Value) ParseKey(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var equals = text.IndexOf('=', StringComparison.Ordinal);
        var name = (equals < 0 ? text : text[..equals]).Trim();
        var value = equals < 0 ? string.Empty : text[(equals + 1)..];
        DicomTag tag;
        if (name.Contains(',', StringComparison.Ordinal))
        {
            var trimmed = name.Trim('(', ')');
            if (!DicomTag.TryParse("(" + trimmed + ")", out tag))
            {
                throw new FormatException($"Key '{text}': '{name}' is not a tag of the form gggg,eeee.");
            }
        }
        else if (!DicomDictionary.TryGetTag(name, out tag))
        {
            throw new FormatException($"Key '{text}': '{name}' is not a keyword of the data dictionary.");
        }

        return (tag, DicomDictionary.GetDefaultVR(tag), value);
    }
}
