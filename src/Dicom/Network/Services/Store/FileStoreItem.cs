using Conformance.Dicom.Network.Association;
using Conformance.Dicom.Network.Services.Storage;

namespace Conformance.Dicom.Network.Services.Store;

/// <summary>A Part 10 file: its data set region streams from disk when no transcoding is needed.</summary>
public sealed class FileStoreItem : StoreItem
{
    private readonly string _path;
    private readonly FileMetaInfo _meta;

    private FileStoreItem(string path, FileMetaInfo meta)
    {
        _path = path;
        _meta = meta;
    }

    public override string SopClassUid => _meta.SopClassUid;

    public override string SopInstanceUid => _meta.SopInstanceUid;

    public override string TransferSyntaxUid => _meta.TransferSyntaxUid;

    public override string Description => _path;

    public string Path => _path;

    public static async Task<FileStoreItem> FromFileAsync(string path, CancellationToken cancellationToken)
    {
        var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 4096, useAsync: true);
        await using (stream.ConfigureAwait(false))
        {
            var meta = await FileMetaInfo.ReadAsync(stream, path, cancellationToken).ConfigureAwait(false);
            return new FileStoreItem(path, meta);
        }
    }

    public override ValueTask<StoreData> OpenAsync(string transferSyntaxUid, CancellationToken cancellationToken)
    {
        if (transferSyntaxUid == TransferSyntaxUid)
        {
            var region = FileRegionMessageData.Open(_path, _meta.DataSetOffset);
            return ValueTask.FromResult(new StoreData(region, region));
        }

        using var stream = new FileStream(_path, FileMode.Open, FileAccess.Read, FileShare.Read);
        stream.Position = _meta.DataSetOffset;
        return ValueTask.FromResult(Transcoder.Transcode(stream, TransferSyntaxUid, transferSyntaxUid));
    }
}
