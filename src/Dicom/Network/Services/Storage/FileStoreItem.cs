using Conformance.Dicom.Data;
using Conformance.Dicom.IO;
using Conformance.Dicom.Network.Association;

namespace Conformance.Dicom.Network.Services.Storage;

/// <summary>A Part 10 file: its data set region streams from disk when no transcoding is needed.</summary>
public sealed class FileStoreItem : StoreItem
{
    private readonly string _path;
    private readonly DicomFileHeader _header;

    private FileStoreItem(string path, DicomFileHeader header, string sopClassUid, string sopInstanceUid)
    {
        _path = path;
        _header = header;
        SopClassUid = sopClassUid;
        SopInstanceUid = sopInstanceUid;
    }

    public override string SopClassUid { get; }

    public override string SopInstanceUid { get; }

    public override string TransferSyntaxUid => _header.TransferSyntax.Uid;

    public override string Description => _path;

    public string Path => _path;

    /// <summary>Reads only the file's header (preamble and group 0002).</summary>
    public static Task<FileStoreItem> FromFileAsync(string path, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 4096, useAsync: false);
        DicomFileHeader header;
        try
        {
            header = DicomFile.ReadHeader(stream);
        }
        catch (DicomFormatException ex)
        {
            throw new InvalidDataException($"{path}: {ex.Message}", ex);
        }

        string Required(string? uid, string name) => string.IsNullOrEmpty(uid)
            ? throw new InvalidDataException($"{path}: the file meta information has no {name}.")
            : uid;
        return Task.FromResult(new FileStoreItem(
            path, header, Required(header.SopClassUid, "Media Storage SOP Class UID (0002,0002)"), Required(header.SopInstanceUid, "Media Storage SOP Instance UID (0002,0003)")));
    }

    public override ValueTask<StoreData> OpenAsync(string transferSyntaxUid, CancellationToken cancellationToken)
    {
        if (transferSyntaxUid == TransferSyntaxUid)
        {
            var region = FileRegionMessageData.Open(_path, _header.DatasetOffset);
            return ValueTask.FromResult(new StoreData(region, region));
        }

        using var stream = new FileStream(_path, FileMode.Open, FileAccess.Read, FileShare.Read);
        stream.Position = _header.DatasetOffset;
        return ValueTask.FromResult(Transcoder.Transcode(stream, TransferSyntaxUid, transferSyntaxUid));
    }
}
