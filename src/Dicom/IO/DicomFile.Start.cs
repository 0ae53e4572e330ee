using Conformance.Dicom.Data;

namespace Conformance.Dicom.IO;

/// <summary>
/// The start of a file, read as DCMTK reads it: preamble, "DICM" and file meta; or, without them, a data set whose
/// transfer syntax is detected (<see cref="TransferSyntaxDetector"/>); file meta without a Transfer Syntax UID or
/// without its group length is completed. Each such tolerance is a warning; what is written back is conformant.
/// </summary>
public sealed partial class DicomFile
{
    private const int PrefixLength = 132;

    /// <summary>What was read although PS3.10 or PS3.5 forbid it (empty for a conformant file).</summary>
    public IReadOnlyList<string> ReadWarnings { get; private set; } = [];

    /// <returns>Preamble, file meta (null when the file has none: made from the data set later) and the data set's syntax.</returns>
    private static (byte[] Preamble, DicomDataset? Meta, DicomTransferSyntax Syntax) ReadStart(ByteSource source, DicomReaderOptions options, List<string> warnings)
    {
        Span<byte> head = stackalloc byte[PrefixLength];
        var available = source.Peek(head);
        if (available == PrefixLength && head[128..].SequenceEqual("DICM"u8))
        {
            var preamble = ReadPreamble(source);
            return (preamble, ReadMeta(source, options, warnings, out var syntax), syntax);
        }

        if (TransferSyntaxDetector.TryDetect(head[..available], allowMetaGroup: true, out var detected))
        {
            if (head[0] == 0x02 && head[1] == 0x00)
            {
                warnings.Add("no preamble and \"DICM\" prefix before the file meta information");
                return (new byte[128], ReadMeta(source, options, warnings, out var syntax), syntax);
            }

            warnings.Add($"no file meta information; the data set's transfer syntax was detected as {detected}");
            return (new byte[128], null, detected);
        }

        // Neither a PS3.10 file nor a data set: the error says what was expected.
        ReadPreamble(source);
        throw new DicomFormatException("no \"DICM\" prefix after the 128-byte preamble (not a PS3.10 file)", null, 128);
    }

    private static byte[] ReadPreamble(ByteSource source)
    {
        var preamble = new byte[128];
        source.ReadExactly(preamble, null, 0);
        Span<byte> magic = stackalloc byte[4];
        source.ReadExactly(magic, null, 128);
        if (!magic.SequenceEqual("DICM"u8))
        {
            throw new DicomFormatException("no \"DICM\" prefix after the 128-byte preamble (not a PS3.10 file)", null, 128);
        }

        return preamble;
    }

    /// <summary>Group 0002, always explicit VR little endian (PS3.10 7.1), read element by element while the group is 0002.</summary>
    private static DicomDataset ReadMeta(ByteSource source, DicomReaderOptions options, List<string> warnings, out DicomTransferSyntax syntax)
    {
        var parser = new DicomDatasetParser(source, options, warnings);
        var meta = new DicomDataset();
        Span<byte> group = stackalloc byte[2];
        while (source.Peek(group) == 2 && group[0] == 0x02 && group[1] == 0x00)
        {
            parser.ParseOneElement(meta, new Encoding(true, false));
        }

        if (!meta.Contains(DicomTags.FileMetaInformationGroupLength))
        {
            warnings.Add("file meta information without its group length (0002,0000); written back with it");
            meta.AddOrUpdate(DicomValueEncoder.FromUInt32(DicomTags.FileMetaInformationGroupLength, DicomVR.UL, 0));
        }

        if (meta.TryGetString(DicomTags.TransferSyntaxUID, out var tsUid) && tsUid.Length > 0)
        {
            syntax = DicomTransferSyntax.Lookup(tsUid);
            return meta;
        }

        Span<byte> start = stackalloc byte[8];
        if (!TransferSyntaxDetector.TryDetect(start[..source.Peek(start)], allowMetaGroup: false, out syntax))
        {
            throw new DicomFormatException("file meta information has no Transfer Syntax UID, and the data set's cannot be told", DicomTags.TransferSyntaxUID, source.Position);
        }

        warnings.Add($"file meta information without Transfer Syntax UID (0002,0010); detected {syntax} and recorded it");
        meta.SetUid(DicomTags.TransferSyntaxUID, syntax.Uid);
        return meta;
    }
}
