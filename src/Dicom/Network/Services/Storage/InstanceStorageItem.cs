using Conformance.Dicom.IO;
using Conformance.Dicom.Network.Association;

namespace Conformance.Dicom.Network.Services.Storage;

/// <summary>An instance held by an <see cref="IInstanceStorage"/> (C-MOVE/C-GET sub-operations of the SCP).</summary>
public sealed class InstanceStorageItem(
    IInstanceStorage storage, string location, string sopClassUid, string sopInstanceUid, string transferSyntaxUid) : StoreItem
{
    public override string SopClassUid => sopClassUid;

    public override string SopInstanceUid => sopInstanceUid;

    public override string TransferSyntaxUid => transferSyntaxUid;

    public override string Description => location;

    public override async ValueTask<StoreData> OpenAsync(string transferSyntaxUid, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(storage);
        var stream = storage.OpenRead(location);
        try
        {
            var header = DicomFile.ReadHeader(stream);
            if (transferSyntaxUid == header.TransferSyntax.Uid)
            {
                if (stream is FileStream file)
                {
                    var path = file.Name;
                    await stream.DisposeAsync().ConfigureAwait(false);
                    var region = FileRegionMessageData.Open(path, header.DatasetOffset);
                    return new StoreData(region, region);
                }

                return new StoreData(new StreamMessageData(stream, stream.Length - header.DatasetOffset), stream);
            }

            using (stream)
            {
                return Transcoder.Transcode(stream, header.TransferSyntax.Uid, transferSyntaxUid);
            }
        }
        catch
        {
            await stream.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }
}
