using Conformance.Dicom.Data;
using Conformance.Dicom.IO;

namespace Conformance.Dicom.Network.Services.Storage;

/// <summary>A data set in memory, encoded on demand in whichever syntax the context needs.</summary>
public sealed class DatasetStoreItem : StoreItem
{
    private readonly DicomDataset _dataset;

    public DatasetStoreItem(DicomDataset dataset, DicomTransferSyntax? preferredSyntax = null)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        _dataset = dataset;
        SopClassUid = dataset.GetUid(DicomTags.SOPClassUID);
        SopInstanceUid = dataset.GetUid(DicomTags.SOPInstanceUID);
        TransferSyntaxUid = (preferredSyntax ?? DicomTransferSyntax.ExplicitVRLittleEndian).Uid;
    }

    public override string SopClassUid { get; }

    public override string SopInstanceUid { get; }

    public override string TransferSyntaxUid { get; }

    public override string Description => "dataset " + SopInstanceUid;

    public override ValueTask<StoreData> OpenAsync(string transferSyntaxUid, CancellationToken cancellationToken) =>
        ValueTask.FromResult(Transcoder.Encode(_dataset, transferSyntaxUid));
}
