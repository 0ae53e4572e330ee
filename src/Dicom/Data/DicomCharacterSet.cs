using System.Text;

namespace Conformance.Dicom.Data;

/// <summary>
/// Specific Character Set (0008,0005) for decoding and encoding SH, LO, ST, LT, PN, UC, UT (PS3.5 6.1, PS3.3 C.12.1.1.2).
/// Supported: the default repertoire (ISO_IR 6), ISO_IR 100 (Latin-1, also with ISO 2022 code extensions
/// for single-byte G0/G1 only) and ISO_IR 192 (UTF-8). Other terms decode as Latin-1 and report
/// <see cref="IsSupported"/> false, so no byte is lost.
/// </summary>
public sealed class DicomCharacterSet
{
    private DicomCharacterSet(string term, Encoding encoding, bool supported)
    {
        Term = term;
        Encoding = encoding;
        IsSupported = supported;
    }

    /// <summary>No (0008,0005): the default repertoire; bytes above 0x7F are kept by decoding as Latin-1.</summary>
    public static DicomCharacterSet Default { get; } = new(string.Empty, Encoding.Latin1, true);

    public static DicomCharacterSet Latin1 { get; } = new("ISO_IR 100", Encoding.Latin1, true);

    public static DicomCharacterSet Utf8 { get; } = new("ISO_IR 192", new UTF8Encoding(false), true);

    /// <summary>The defined term(s) of (0008,0005), backslash-joined; empty for the default repertoire.</summary>
    public string Term { get; }

    public Encoding Encoding { get; }

    public bool IsSupported { get; }

    /// <summary>From the value of (0008,0005) (may be multi-valued, e.g. "\ISO 2022 IR 100").</summary>
    public static DicomCharacterSet FromTerms(string? value)
    {
        var terms = (value ?? string.Empty).Split('\\').Select(t => t.Trim()).Where(t => t.Length > 0).ToArray();
        if (terms.Length == 0 || terms.All(t => t is "ISO_IR 6" or "ISO 2022 IR 6"))
        {
            return Default;
        }

        if (terms.All(t => t is "ISO_IR 192"))
        {
            return Utf8;
        }

        if (terms.All(t => t is "ISO_IR 100" or "ISO 2022 IR 100" or "ISO 2022 IR 6"))
        {
            return terms.Length == 1 && terms[0] == "ISO_IR 100" ? Latin1 : new DicomCharacterSet(string.Join('\\', terms), Encoding.Latin1, true);
        }

        return new DicomCharacterSet(string.Join('\\', terms), Encoding.Latin1, false);
    }

    public override string ToString() => Term.Length == 0 ? "default repertoire" : Term;
}
