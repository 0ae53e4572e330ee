using System.Text;

namespace Conformance.Dicom.Data;

/// <summary>
/// Specific Character Set (0008,0005) for decoding and encoding SH, LO, ST, LT, PN, UC, UT (PS3.5 6.1, PS3.3 C.12.1.1.2).
/// Supported: the default repertoire (ISO_IR 6), ISO_IR 192 (UTF-8), the single-byte sets ISO_IR 100 (Latin-1),
/// 101, 109, 110, 144, 127, 126, 138, 148, 203, 166, GB18030 and GBK; with ISO 2022 code extensions: one single-byte
/// set, IR 87 (Japanese, via ISO-2022-JP), IR 149 (Korean) and IR 58 (Chinese), escape sequences removed when
/// decoding. Other terms decode as Latin-1 and report <see cref="IsSupported"/> false, so no byte is lost.
/// </summary>
public sealed class DicomCharacterSet
{
    private static readonly Dictionary<string, int> s_singleByte = new(StringComparer.Ordinal)
    {
        ["100"] = 28591, ["101"] = 28592, ["109"] = 28593, ["110"] = 28594, ["144"] = 28595, ["127"] = 28596,
        ["126"] = 28597, ["138"] = 28598, ["148"] = 28599, ["203"] = 28605, ["166"] = 874,
    };

    private readonly bool _stripEscapes;

    private DicomCharacterSet(string term, Encoding encoding, bool supported, bool stripEscapes = false)
    {
        Term = term;
        Encoding = encoding;
        IsSupported = supported;
        _stripEscapes = stripEscapes;
    }

    /// <summary>No (0008,0005): the default repertoire; bytes above 0x7F are kept by decoding as Latin-1.</summary>
    public static DicomCharacterSet Default { get; } = new(string.Empty, Encoding.Latin1, true);

    public static DicomCharacterSet Latin1 { get; } = new("ISO_IR 100", Encoding.Latin1, true);

    public static DicomCharacterSet Utf8 { get; } = new("ISO_IR 192", new UTF8Encoding(false), true);

    /// <summary>The defined term(s) of (0008,0005), backslash-joined; empty for the default repertoire.</summary>
    public string Term { get; }

    /// <summary>Encoding used for encoding strings (and decoding, after escape sequences are removed).</summary>
    public Encoding Encoding { get; }

    public bool IsSupported { get; }

    /// <summary>Decodes a value's bytes.</summary>
    public string Decode(ReadOnlySpan<byte> bytes)
    {
        if (!_stripEscapes || bytes.IndexOf((byte)0x1B) < 0)
        {
            return Encoding.GetString(bytes);
        }

        // ISO 2022: ESC, intermediate bytes 0x20-0x2F, one final byte 0x30-0x7E designate a set; the bytes that
        // follow are already in the form the chosen decoder expects.
        var kept = new byte[bytes.Length];
        var n = 0;
        for (var i = 0; i < bytes.Length; i++)
        {
            if (bytes[i] == 0x1B)
            {
                var j = i + 1;
                while (j < bytes.Length && bytes[j] >= 0x20 && bytes[j] <= 0x2F)
                {
                    j++;
                }

                i = j;
                continue;
            }

            kept[n++] = bytes[i];
        }

        return Encoding.GetString(kept, 0, n);
    }

    /// <summary>From the value of (0008,0005) (may be multi-valued, e.g. "\ISO 2022 IR 100").</summary>
    public static DicomCharacterSet FromTerms(string? value)
    {
        var terms = (value ?? string.Empty).Split('\\').Select(t => t.Trim()).Where(t => t.Length > 0).ToArray();
        var joined = string.Join('\\', terms);
        var others = terms.Where(t => t is not ("ISO_IR 6" or "ISO 2022 IR 6")).Distinct(StringComparer.Ordinal).ToArray();
        if (others.Length == 0)
        {
            return Default;
        }

        if (others.Length > 1)
        {
            return Unsupported(joined);
        }

        var term = others[0];
        switch (term)
        {
            case "ISO_IR 192":
                return Utf8;
            case "ISO_IR 100" when terms.Length == 1:
                return Latin1;
            case "GB18030":
                return FromCodePage(joined, 54936, false);
            case "GBK":
                return FromCodePage(joined, 936, false);
            case "ISO 2022 IR 87":
                return FromCodePage(joined, 50220, false);
            case "ISO 2022 IR 149":
                return FromCodePage(joined, 51949, true);
            case "ISO 2022 IR 58":
                return FromCodePage(joined, 936, true);
        }

        if (term.StartsWith("ISO_IR ", StringComparison.Ordinal) && s_singleByte.TryGetValue(term[7..], out var page))
        {
            return FromCodePage(joined, page, false);
        }

        if (term.StartsWith("ISO 2022 IR ", StringComparison.Ordinal) && s_singleByte.TryGetValue(term[12..], out page))
        {
            return FromCodePage(joined, page, true);
        }

        return Unsupported(joined);
    }

    private static DicomCharacterSet FromCodePage(string term, int codePage, bool stripEscapes)
    {
        var encoding = codePage == 28591 ? Encoding.Latin1 : CodePagesEncodingProvider.Instance.GetEncoding(codePage);
        return encoding is null ? Unsupported(term) : new DicomCharacterSet(term, encoding, true, stripEscapes);
    }

    private static DicomCharacterSet Unsupported(string term) => new(term, Encoding.Latin1, false);

    public override string ToString() => Term.Length == 0 ? "default repertoire" : Term;
}
