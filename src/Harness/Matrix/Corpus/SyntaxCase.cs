namespace Conformance.Harness.Matrix.Corpus;

/// <summary>
/// One transfer syntax of the matrix: its name in case ids, UID, the storescp option that makes storescp
/// accept it (docs/matrix.md), the command in a peer image that makes objects in it from an explicit VR
/// little endian source (null: copy the source), and which generated objects it applies to.
/// </summary>
public sealed record SyntaxCase(string Name, string Uid, string StoreScpOption, string? Family, string? Command, IReadOnlyList<string> Objects)
{
    public const string Ct = "ct";
    public const string Sc = "sc";

    public static readonly SyntaxCase ExplicitLittle = new("explicit-le", "1.2.840.10008.1.2.1", "+xe", null, null, [Ct, Sc]);
    public static readonly SyntaxCase ImplicitLittle = new("implicit-le", "1.2.840.10008.1.2", "+xi", "dcmtk", "dcmconv +ti", [Ct, Sc]);
    public static readonly SyntaxCase ExplicitBig = new("explicit-be", "1.2.840.10008.1.2.2", "+xb", "dcmtk", "dcmconv +tb", [Ct, Sc]);
    public static readonly SyntaxCase Deflated = new("deflated", "1.2.840.10008.1.2.1.99", "+xd", "dcmtk", "dcmconv +td", [Ct, Sc]);
    public static readonly SyntaxCase JpegBaseline = new("jpeg-baseline", "1.2.840.10008.1.2.4.50", "+xy", "dcmtk", "dcmcjpeg +eb", [Sc]);
    public static readonly SyntaxCase JpegLossless = new("jpeg-lossless", "1.2.840.10008.1.2.4.70", "+xs", "dcmtk", "dcmcjpeg +e1", [Ct, Sc]);
    public static readonly SyntaxCase JpegLsLossless = new("jpeg-ls-lossless", "1.2.840.10008.1.2.4.80", "+xt", "dcmtk", "dcmcjpls", [Ct, Sc]);
    public static readonly SyntaxCase Rle = new("rle", "1.2.840.10008.1.2.5", "+xr", "dcmtk", "dcmcrle", [Ct, Sc]);

    /// <summary>DCMTK makes no JPEG 2000; GDCM's gdcmconv does (lossless by default).</summary>
    public static readonly SyntaxCase Jpeg2000Lossless = new("jpeg2000-lossless", "1.2.840.10008.1.2.4.90", "+xv", "gdcm", "gdcmconv --j2k", [Ct, Sc]);

    public static IReadOnlyList<SyntaxCase> All { get; } =
        [ExplicitLittle, ImplicitLittle, ExplicitBig, Deflated, JpegBaseline, JpegLossless, JpegLsLossless, Rle, Jpeg2000Lossless];

    public bool IsEncapsulated => Uid.StartsWith("1.2.840.10008.1.2.4.", StringComparison.Ordinal) || Uid == Rle.Uid;

    public override string ToString() => Name;
}
