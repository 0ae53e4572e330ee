using System.Collections.Frozen;
using System.Diagnostics.CodeAnalysis;

namespace Conformance.Dicom.IO;

/// <summary>
/// A transfer syntax of PS3.5 (registry in PS3.6 annex A): how a data set is encoded (VR explicit or implicit, byte
/// order, deflate) and whether pixel data are encapsulated. Compressed syntaxes are carried as encapsulated data and
/// never decoded here. Unknown UIDs are treated as explicit VR little endian with encapsulated pixel data (PS3.5 A.4).
/// </summary>
public sealed class DicomTransferSyntax : IEquatable<DicomTransferSyntax>
{
    private DicomTransferSyntax(string uid, string name, bool explicitVR = true, bool bigEndian = false,
        bool deflated = false, bool encapsulated = true, bool retired = false, bool known = true)
    {
        Uid = uid;
        Name = name;
        IsExplicitVR = explicitVR;
        IsBigEndian = bigEndian;
        IsDeflated = deflated;
        IsEncapsulated = encapsulated;
        IsRetired = retired;
        IsKnown = known;
    }

    public string Uid { get; }

    public string Name { get; }

    public bool IsExplicitVR { get; }

    public bool IsBigEndian { get; }

    /// <summary>The whole data set after the file meta information is deflated (RFC 1951, no zlib header).</summary>
    public bool IsDeflated { get; }

    /// <summary>Pixel data are encapsulated (fragments); false for the native (uncompressed) syntaxes.</summary>
    public bool IsEncapsulated { get; }

    public bool IsRetired { get; }

    /// <summary>False for a UID not in this registry.</summary>
    public bool IsKnown { get; }

    /// <summary>One of the four uncompressed syntaxes (implicit VR LE, explicit VR LE, explicit VR BE, deflated
    /// explicit VR LE): data sets transcode among them without touching pixel data.</summary>
    public bool IsUncompressed =>
        Equals(ImplicitVRLittleEndian) || Equals(ExplicitVRLittleEndian) || Equals(ExplicitVRBigEndian) || Equals(DeflatedExplicitVRLittleEndian);

    public static readonly DicomTransferSyntax ImplicitVRLittleEndian = new("1.2.840.10008.1.2", "Implicit VR Little Endian", explicitVR: false, encapsulated: false);
    public static readonly DicomTransferSyntax ExplicitVRLittleEndian = new("1.2.840.10008.1.2.1", "Explicit VR Little Endian", encapsulated: false);
    public static readonly DicomTransferSyntax EncapsulatedUncompressedExplicitVRLittleEndian = new("1.2.840.10008.1.2.1.98", "Encapsulated Uncompressed Explicit VR Little Endian");
    public static readonly DicomTransferSyntax DeflatedExplicitVRLittleEndian = new("1.2.840.10008.1.2.1.99", "Deflated Explicit VR Little Endian", deflated: true, encapsulated: false);
    public static readonly DicomTransferSyntax ExplicitVRBigEndian = new("1.2.840.10008.1.2.2", "Explicit VR Big Endian", bigEndian: true, encapsulated: false, retired: true);
    public static readonly DicomTransferSyntax JPEGBaseline8Bit = new("1.2.840.10008.1.2.4.50", "JPEG Baseline (Process 1)");
    public static readonly DicomTransferSyntax JPEGExtended12Bit = new("1.2.840.10008.1.2.4.51", "JPEG Extended (Process 2 & 4)");
    public static readonly DicomTransferSyntax JPEGLossless = new("1.2.840.10008.1.2.4.57", "JPEG Lossless, Non-Hierarchical (Process 14)");
    public static readonly DicomTransferSyntax JPEGLosslessSV1 = new("1.2.840.10008.1.2.4.70", "JPEG Lossless, Non-Hierarchical, First-Order Prediction (Process 14 [Selection Value 1])");
    public static readonly DicomTransferSyntax JPEGLSLossless = new("1.2.840.10008.1.2.4.80", "JPEG-LS Lossless Image Compression");
    public static readonly DicomTransferSyntax JPEGLSNearLossless = new("1.2.840.10008.1.2.4.81", "JPEG-LS Lossy (Near-Lossless) Image Compression");
    public static readonly DicomTransferSyntax JPEG2000Lossless = new("1.2.840.10008.1.2.4.90", "JPEG 2000 Image Compression (Lossless Only)");
    public static readonly DicomTransferSyntax JPEG2000 = new("1.2.840.10008.1.2.4.91", "JPEG 2000 Image Compression");
    public static readonly DicomTransferSyntax JPEG2000MCLossless = new("1.2.840.10008.1.2.4.92", "JPEG 2000 Part 2 Multi-component Image Compression (Lossless Only)");
    public static readonly DicomTransferSyntax JPEG2000MC = new("1.2.840.10008.1.2.4.93", "JPEG 2000 Part 2 Multi-component Image Compression");
    public static readonly DicomTransferSyntax JPIPReferenced = new("1.2.840.10008.1.2.4.94", "JPIP Referenced", encapsulated: false);
    public static readonly DicomTransferSyntax JPIPReferencedDeflate = new("1.2.840.10008.1.2.4.95", "JPIP Referenced Deflate", deflated: true, encapsulated: false);
    public static readonly DicomTransferSyntax RLELossless = new("1.2.840.10008.1.2.5", "RLE Lossless");
    public static readonly DicomTransferSyntax JPEGXLLossless = new("1.2.840.10008.1.2.4.110", "JPEG XL Lossless");
    public static readonly DicomTransferSyntax JPEGXLJPEGRecompression = new("1.2.840.10008.1.2.4.111", "JPEG XL JPEG Recompression");
    public static readonly DicomTransferSyntax JPEGXL = new("1.2.840.10008.1.2.4.112", "JPEG XL");
    public static readonly DicomTransferSyntax HTJ2KLossless = new("1.2.840.10008.1.2.4.201", "High-Throughput JPEG 2000 Image Compression (Lossless Only)");
    public static readonly DicomTransferSyntax HTJ2KLosslessRPCL = new("1.2.840.10008.1.2.4.202", "High-Throughput JPEG 2000 with RPCL Options Image Compression (Lossless Only)");
    public static readonly DicomTransferSyntax HTJ2K = new("1.2.840.10008.1.2.4.203", "High-Throughput JPEG 2000 Image Compression");
    public static readonly DicomTransferSyntax JPIPHTJ2KReferenced = new("1.2.840.10008.1.2.4.204", "JPIP HTJ2K Referenced", encapsulated: false);
    public static readonly DicomTransferSyntax JPIPHTJ2KReferencedDeflate = new("1.2.840.10008.1.2.4.205", "JPIP HTJ2K Referenced Deflate", deflated: true, encapsulated: false);
    public static readonly DicomTransferSyntax DeflatedImageFrameCompression = new("1.2.840.10008.1.2.8.1", "Deflated Image Frame Compression");

    /// <summary>SMPTE ST 2110 (PS3.5 A.4.9-A.4.11): the data set carries no pixel data; the essence travels outside DICOM.</summary>
    public static readonly DicomTransferSyntax SMPTEST211020UncompressedProgressiveActiveVideo = new("1.2.840.10008.1.2.7.1", "SMPTE ST 2110-20 Uncompressed Progressive Active Video", encapsulated: false);
    public static readonly DicomTransferSyntax SMPTEST211020UncompressedInterlacedActiveVideo = new("1.2.840.10008.1.2.7.2", "SMPTE ST 2110-20 Uncompressed Interlaced Active Video", encapsulated: false);
    public static readonly DicomTransferSyntax SMPTEST211030PCMDigitalAudio = new("1.2.840.10008.1.2.7.3", "SMPTE ST 2110-30 PCM Digital Audio", encapsulated: false);
    public static readonly DicomTransferSyntax Papyrus3ImplicitVRLittleEndian = new("1.2.840.10008.1.20", "Papyrus 3 Implicit VR Little Endian", explicitVR: false, encapsulated: false, retired: true);

    private static readonly DicomTransferSyntax[] s_all = BuildAll();

    private static readonly FrozenDictionary<string, DicomTransferSyntax> s_byUid =
        s_all.ToFrozenDictionary(t => t.Uid, StringComparer.Ordinal);

    /// <summary>Every transfer syntax in the registry.</summary>
    public static IReadOnlyList<DicomTransferSyntax> All => s_all;

    /// <summary>The registered syntax, or an unknown one treated as explicit VR LE encapsulated (UID kept).</summary>
    public static DicomTransferSyntax Lookup(string uid)
    {
        ArgumentNullException.ThrowIfNull(uid);
        var clean = uid.TrimEnd('\0', ' ');
        return s_byUid.TryGetValue(clean, out var ts) ? ts : new DicomTransferSyntax(clean, $"Unknown ({clean})", known: false);
    }

    public static bool TryLookup(string uid, [NotNullWhen(true)] out DicomTransferSyntax? syntax) =>
        s_byUid.TryGetValue((uid ?? string.Empty).TrimEnd('\0', ' '), out syntax);

    /// <summary>True when a data set in <paramref name="from"/> can be written in <paramref name="to"/> without
    /// decoding pixel data: between uncompressed syntaxes, or to the same syntax.</summary>
    public static bool CanTranscode(DicomTransferSyntax from, DicomTransferSyntax to)
    {
        ArgumentNullException.ThrowIfNull(from);
        ArgumentNullException.ThrowIfNull(to);
        return from.Equals(to) || (from.IsUncompressed && to.IsUncompressed);
    }

    public bool Equals(DicomTransferSyntax? other) => other is not null && string.Equals(Uid, other.Uid, StringComparison.Ordinal);

    public override bool Equals(object? obj) => Equals(obj as DicomTransferSyntax);

    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Uid);

    public override string ToString() => $"{Name} ({Uid})";

    private static DicomTransferSyntax[] BuildAll()
    {
        var list = new List<DicomTransferSyntax>
        {
            ImplicitVRLittleEndian, ExplicitVRLittleEndian, EncapsulatedUncompressedExplicitVRLittleEndian,
            DeflatedExplicitVRLittleEndian, ExplicitVRBigEndian, JPEGBaseline8Bit, JPEGExtended12Bit,
            JPEGLossless, JPEGLosslessSV1, JPEGLSLossless, JPEGLSNearLossless, JPEG2000Lossless, JPEG2000,
            JPEG2000MCLossless, JPEG2000MC, JPIPReferenced, JPIPReferencedDeflate, RLELossless,
            JPEGXLLossless, JPEGXLJPEGRecompression, JPEGXL, HTJ2KLossless, HTJ2KLosslessRPCL, HTJ2K,
            JPIPHTJ2KReferenced, JPIPHTJ2KReferencedDeflate, DeflatedImageFrameCompression,
            SMPTEST211020UncompressedProgressiveActiveVideo, SMPTEST211020UncompressedInterlacedActiveVideo,
            SMPTEST211030PCMDigitalAudio, Papyrus3ImplicitVRLittleEndian,
        };

        // Retired JPEG processes (PS3.5 A.4.1, retired in PS3.6): still carried as encapsulated data.
        string[] retiredJpeg =
        [
            "52:JPEG Extended (Process 3 & 5)", "53:JPEG Spectral Selection, Non-Hierarchical (Process 6 & 8)",
            "54:JPEG Spectral Selection, Non-Hierarchical (Process 7 & 9)", "55:JPEG Full Progression, Non-Hierarchical (Process 10 & 12)",
            "56:JPEG Full Progression, Non-Hierarchical (Process 11 & 13)", "58:JPEG Lossless, Non-Hierarchical (Process 15)",
            "59:JPEG Extended, Hierarchical (Process 16 & 18)", "60:JPEG Extended, Hierarchical (Process 17 & 19)",
            "61:JPEG Spectral Selection, Hierarchical (Process 20 & 22)", "62:JPEG Spectral Selection, Hierarchical (Process 21 & 23)",
            "63:JPEG Full Progression, Hierarchical (Process 24 & 26)", "64:JPEG Full Progression, Hierarchical (Process 25 & 27)",
            "65:JPEG Lossless, Hierarchical (Process 28)", "66:JPEG Lossless, Hierarchical (Process 29)",
        ];
        foreach (var r in retiredJpeg)
        {
            var (n, name) = (r[..2], r[3..]);
            list.Add(new DicomTransferSyntax($"1.2.840.10008.1.2.4.{n}", name, retired: true));
        }

        // Video (PS3.5 A.4.5-A.4.8): MPEG2, MPEG-4 AVC/H.264, HEVC/H.265, and their fragmentable variants.
        string[] video =
        [
            "100:MPEG2 Main Profile / Main Level", "100.1:Fragmentable MPEG2 Main Profile / Main Level",
            "101:MPEG2 Main Profile / High Level", "101.1:Fragmentable MPEG2 Main Profile / High Level",
            "102:MPEG-4 AVC/H.264 High Profile / Level 4.1", "102.1:Fragmentable MPEG-4 AVC/H.264 High Profile / Level 4.1",
            "103:MPEG-4 AVC/H.264 BD-compatible High Profile / Level 4.1", "103.1:Fragmentable MPEG-4 AVC/H.264 BD-compatible High Profile / Level 4.1",
            "104:MPEG-4 AVC/H.264 High Profile / Level 4.2 For 2D Video", "104.1:Fragmentable MPEG-4 AVC/H.264 High Profile / Level 4.2 For 2D Video",
            "105:MPEG-4 AVC/H.264 High Profile / Level 4.2 For 3D Video", "105.1:Fragmentable MPEG-4 AVC/H.264 High Profile / Level 4.2 For 3D Video",
            "106:MPEG-4 AVC/H.264 Stereo High Profile / Level 4.2", "106.1:Fragmentable MPEG-4 AVC/H.264 Stereo High Profile / Level 4.2",
            "107:HEVC/H.265 Main Profile / Level 5.1", "108:HEVC/H.265 Main 10 Profile / Level 5.1",
        ];
        foreach (var v in video)
        {
            var colon = v.IndexOf(':', StringComparison.Ordinal);
            list.Add(new DicomTransferSyntax($"1.2.840.10008.1.2.4.{v[..colon]}", v[(colon + 1)..]));
        }

        return list.ToArray();
    }
}
