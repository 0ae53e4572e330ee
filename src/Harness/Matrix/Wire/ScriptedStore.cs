using Conformance.Dicom.Data;
using Conformance.Dicom.IO;
using Conformance.Dicom.Network.Dimse;
using Conformance.Dicom.Network.Pdus;

namespace Conformance.Harness.Matrix.Wire;

/// <summary>
/// A scripted peer that starts a C-STORE and stops in the middle of the data set: A-ASSOCIATE-RQ, the
/// C-STORE-RQ command, the first half of the data set in P-DATA-TF PDUs, then an A-ABORT or a closed
/// connection. What a receiver must do then: store nothing, keep serving.
/// </summary>
public static class ScriptedStore
{
    private const int Fragment = 16 * 1024;

    public static async Task<string> InterruptAsync(string host, int port, string calledAe, string file, bool abort, CancellationToken cancellationToken)
    {
        var dicom = DicomFile.Open(file);
        var sopClass = dicom.Dataset.GetUid(DicomTags.SOPClassUID);
        var dataset = dicom.DatasetRegion?.GetMemory() ?? throw new InvalidOperationException($"{file}: no data set region");
        using var association = await RawAssociation.OpenAsync(host, port, calledAe, "RAWPEER", sopClass, dicom.TransferSyntax.Uid, Fragment, cancellationToken).ConfigureAwait(false);
        var fragment = association.PeerMaxLength is 0 or > Fragment ? Fragment - 6 : (int)association.PeerMaxLength - 6;
        var command = new CStoreRequest { MessageId = 1, AffectedSopClassUid = sopClass, AffectedSopInstanceUid = dicom.Dataset.GetUid(DicomTags.SOPInstanceUID) }.Encode();
        await association.SendAsync(new DataTransferPdu([new PresentationDataValue(1, PresentationDataValue.ControlHeader(command: true, last: true), command)]), cancellationToken).ConfigureAwait(false);
        var half = dataset.Length / 2;
        for (var offset = 0; offset < half; offset += fragment)
        {
            var chunk = dataset.Slice(offset, Math.Min(fragment, half - offset));
            await association.SendAsync(new DataTransferPdu([new PresentationDataValue(1, PresentationDataValue.ControlHeader(command: false, last: false), chunk)]), cancellationToken).ConfigureAwait(false);
        }

        if (abort)
        {
            await association.SendAsync(new AbortPdu(AbortSource.ServiceUser, AbortReason.NotSpecified), cancellationToken).ConfigureAwait(false);
        }

        association.Close();
        return $"a scripted peer sent A-ASSOCIATE-RQ, C-STORE-RQ and {half} of {dataset.Length} data set bytes, then {(abort ? "an A-ABORT" : "closed the connection")}";
    }
}
