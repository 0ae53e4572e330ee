using Conformance.Dicom.Data;

namespace Conformance.Dicom.IO;

/// <summary>
/// A PS3.10 file: 128-byte preamble, "DICM", file meta information (group 0002, explicit VR little endian) and the
/// data set in <see cref="TransferSyntax"/>. Read and written back unchanged it gives the same bytes: file meta, group
/// lengths, sequence/item length kinds and a deflate stream are kept as read.
/// </summary>
public sealed partial class DicomFile
{
    private byte[] _preamble = new byte[128];

    /// <summary>A new file for a data set; file meta is made from its SOP Class/Instance UIDs.</summary>
    public DicomFile(DicomDataset dataset, DicomTransferSyntax syntax)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        ArgumentNullException.ThrowIfNull(syntax);
        Dataset = dataset;
        FileMetaInformation = CreateFileMetaInformation(
            dataset.GetStringOrDefault(DicomTags.SOPClassUID) ?? string.Empty,
            dataset.GetStringOrDefault(DicomTags.SOPInstanceUID) ?? string.Empty,
            syntax);
    }

    private DicomFile(DicomDataset meta, DicomDataset dataset)
    {
        FileMetaInformation = meta;
        Dataset = dataset;
    }

    /// <summary>The 128-byte preamble (zeros unless read otherwise).</summary>
    public ReadOnlyMemory<byte> Preamble
    {
        get => _preamble;
        set
        {
            if (value.Length != 128)
            {
                throw new ArgumentException("the preamble is 128 bytes", nameof(value));
            }

            _preamble = value.ToArray();
        }
    }

    public DicomDataset FileMetaInformation { get; }

    public DicomDataset Dataset { get; }

    /// <summary>From (0002,0010); the syntax the data set is written in.</summary>
    public DicomTransferSyntax TransferSyntax =>
        DicomTransferSyntax.Lookup(FileMetaInformation.GetStringOrDefault(DicomTags.TransferSyntaxUID) ?? DicomTransferSyntax.ExplicitVRLittleEndian.Uid);

    /// <summary>Path the file was opened from, if any.</summary>
    public string? SourcePath { get; private set; }

    /// <summary>Where the data set (after file meta) lies in the source file, in <see cref="TransferSyntax"/> as read:
    /// lets the network layer send a file's data set straight from disk. Null when not read from a file.</summary>
    public DicomFileRange? DatasetRegion { get; private set; }

    /// <summary>The transfer syntax the data set had when read (null for new files).</summary>
    public DicomTransferSyntax? SourceTransferSyntax { get; private set; }

    /// <summary>Writes the data set in another syntax from now on (uncompressed syntaxes among themselves only).</summary>
    public void ChangeTransferSyntax(DicomTransferSyntax syntax)
    {
        ArgumentNullException.ThrowIfNull(syntax);
        if (!DicomTransferSyntax.CanTranscode(TransferSyntax, syntax))
        {
            throw new DicomDataException($"cannot transcode {TransferSyntax} to {syntax} without a codec");
        }

        if (!syntax.Equals(TransferSyntax))
        {
            // The file is now written by us: say so (PS3.10 7.1), as dcmconv does for itself.
            FileMetaInformation.SetUid(DicomTags.TransferSyntaxUID, syntax.Uid);
            FileMetaInformation.SetUid(DicomTags.ImplementationClassUID, DicomImplementation.ClassUid);
            FileMetaInformation.SetString(DicomTags.ImplementationVersionName, DicomVR.SH, DicomImplementation.VersionName);
        }
    }

    /// <summary>File meta information (PS3.10 7.1) with our Implementation Class UID and Version Name.</summary>
    public static DicomDataset CreateFileMetaInformation(string sopClassUid, string sopInstanceUid, DicomTransferSyntax syntax)
    {
        ArgumentNullException.ThrowIfNull(syntax);
        var meta = new DicomDataset();
        meta.AddOrUpdate(DicomValueEncoder.FromUInt32(DicomTags.FileMetaInformationGroupLength, DicomVR.UL, 0));
        meta.SetBytes(DicomTags.FileMetaInformationVersion, DicomVR.OB, new byte[] { 0x00, 0x01 });
        meta.SetUid(DicomTags.MediaStorageSOPClassUID, sopClassUid);
        meta.SetUid(DicomTags.MediaStorageSOPInstanceUID, sopInstanceUid);
        meta.SetUid(DicomTags.TransferSyntaxUID, syntax.Uid);
        meta.SetUid(DicomTags.ImplementationClassUID, DicomImplementation.ClassUid);
        meta.SetString(DicomTags.ImplementationVersionName, DicomVR.SH, DicomImplementation.VersionName);
        return meta;
    }

    internal static DicomFile FromParts(byte[] preamble, DicomDataset meta, DicomDataset dataset, string? path, DicomFileRange? region, DicomTransferSyntax syntax) =>
        new(meta, dataset) { _preamble = preamble, SourcePath = path, DatasetRegion = region, SourceTransferSyntax = syntax };

    /// <summary>Change stamps when read: nothing changed since means "write the original bytes".</summary>
    internal long MetaStampAtRead { get; set; } = -1;

    internal long DatasetStampAtRead { get; set; } = -1;

    /// <summary>The deflate stream as read, reused when the data set is unchanged.</summary>
    internal DicomBuffer? OriginalDeflated { get; set; }
}
