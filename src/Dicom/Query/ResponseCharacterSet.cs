using Conformance.Dicom.Data;

namespace Conformance.Dicom.Query;

/// <summary>
/// The Specific Character Set (0008,0005) of a C-FIND response (PS3.4 C.4.1.1.3.2): stored values are text already
/// decoded from their own character set, so the response needs one that holds them all. The request's is kept when it
/// does (or when every value is ASCII, the default repertoire); otherwise UTF-8 (ISO_IR 192), which holds anything.
/// </summary>
public static class ResponseCharacterSet
{
    public const string Utf8Term = "ISO_IR 192";

    /// <summary>The defined term(s) to answer with; "" for the default repertoire (no (0008,0005)).</summary>
    public static string Choose(string? requested, IEnumerable<string> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var texts = values.Where(v => v.Length > 0).ToList();
        var term = requested?.Trim() ?? string.Empty;
        if (texts.TrueForAll(IsAscii))
        {
            return term;
        }

        var charset = DicomCharacterSet.FromTerms(term);
        var holdsAll = charset.IsSupported && !ReferenceEquals(charset, DicomCharacterSet.Default) && texts.TrueForAll(v => RoundTrips(charset, v));
        return holdsAll ? term : Utf8Term;
    }

    private static bool IsAscii(string text) => text.All(char.IsAscii);

    private static bool RoundTrips(DicomCharacterSet charset, string text) =>
        string.Equals(charset.Decode(charset.Encoding.GetBytes(text)), text, StringComparison.Ordinal);
}
