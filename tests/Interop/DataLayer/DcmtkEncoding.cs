using Conformance.Generation;

namespace Conformance.Interop.Tests.DataLayer;

/// <summary>One way DCMTK writes a file: the tool, its options, and which pixel data it applies to.</summary>
public sealed record DcmtkEncoding(string Name, string Tool, IReadOnlyList<string> Options, Func<PixelGeometry, bool> Fits)
{
    /// <summary>A DCMTK decoder run on the encoded file (dcmdjpeg, dcmdrle, dcmdjpls): DCMTK writing uncompressed data it decoded.</summary>
    public string? Decoder { get; init; }

    /// <summary>Encoding and decoding are lossless: the decoded pixel data must equal the original's.</summary>
    public bool Lossless { get; init; }

    public override string ToString() => Name;

    /// <summary>Every syntax DCMTK 3.6.7's command-line tools can produce, with the data each one accepts.</summary>
    public static IReadOnlyList<DcmtkEncoding> All { get; } =
    [
        new("dcmconv +ti (implicit LE)", "dcmconv", ["+ti"], _ => true),
        new("dcmconv +te (explicit LE)", "dcmconv", ["+te"], _ => true),
        new("dcmconv +tb (explicit BE)", "dcmconv", ["+tb"], _ => true),
        new("dcmconv +td (deflated)", "dcmconv", ["+td"], _ => true),
        new("dcmconv +te -e (undefined lengths)", "dcmconv", ["+te", "-e"], _ => true),
        new("dcmconv +ti +g (group lengths)", "dcmconv", ["+ti", "+g"], _ => true),
        new("dcmconv +tb +g -e (group lengths, undefined lengths)", "dcmconv", ["+tb", "+g", "-e"], _ => true),
        new("dcmconv +td +cl9 (deflated, best compression)", "dcmconv", ["+td", "+cl", "9"], _ => true),
        new("dcmcjpeg +e1 (lossless SV1)", "dcmcjpeg", ["+e1"], _ => true),
        new("dcmcjpeg +el (lossless)", "dcmcjpeg", ["+el"], _ => true),
        new("dcmcjpeg +eb (baseline)", "dcmcjpeg", ["+eb"], g => g.BitsStored <= 8),
        new("dcmcjpeg +ee (extended)", "dcmcjpeg", ["+ee"], g => g.BitsStored <= 12 && g.PixelRepresentation == 0),
        new("dcmcjpeg +es (spectral selection)", "dcmcjpeg", ["+es"], g => g.BitsStored <= 12 && g.PixelRepresentation == 0),
        new("dcmcjpeg +ep (progressive)", "dcmcjpeg", ["+ep"], g => g.BitsStored <= 12 && g.PixelRepresentation == 0),
        new("dcmcrle (RLE lossless)", "dcmcrle", [], _ => true),
        new("dcmcjpls +el (JPEG-LS lossless)", "dcmcjpls", ["+el"], _ => true),
        // DCMTK 3.6.7 refuses signed pixel data for near-lossless JPEG-LS ("Unsupported pixel representation").
        new("dcmcjpls +en (JPEG-LS near-lossless)", "dcmcjpls", ["+en"], g => g.PixelRepresentation == 0),
        new("dcmcjpeg +e1 then dcmdjpeg", "dcmcjpeg", ["+e1"], _ => true) { Decoder = "dcmdjpeg", Lossless = true },
        new("dcmcjpeg +eb then dcmdjpeg", "dcmcjpeg", ["+eb"], g => g.BitsStored <= 8) { Decoder = "dcmdjpeg" },
        new("dcmcrle then dcmdrle", "dcmcrle", [], _ => true) { Decoder = "dcmdrle", Lossless = true },
        new("dcmcjpls +el then dcmdjpls", "dcmcjpls", ["+el"], _ => true) { Decoder = "dcmdjpls", Lossless = true },
    ];
}
