using Conformance.Dicom.Data;
using Conformance.Dicom.IO;
using Conformance.Dicom.Network.Association;

namespace Conformance.Dicom.Network.Services.Storage;

/// <summary>Re-encodes a data set among the uncompressed transfer syntaxes with the data layer.</summary>
internal static class Transcoder
{
    public static StoreData Encode(DicomDataset dataset, string transferSyntaxUid)
    {
        var syntax = DicomTransferSyntax.Lookup(transferSyntaxUid);
        // A deflated length is known only after deflating.
        return syntax.IsDeflated
            ? new StoreData(new MemoryMessageData(DicomDatasetWriter.ToArray(dataset, syntax)))
            : PooledEncoding.Encode(dataset, syntax);
    }

    public static StoreData Transcode(Stream source, string fromSyntaxUid, string toSyntaxUid)
    {
        var from = DicomTransferSyntax.Lookup(fromSyntaxUid);
        var to = DicomTransferSyntax.Lookup(toSyntaxUid);
        if (!from.IsUncompressed || !to.IsUncompressed || from.IsDeflated || to.IsDeflated)
        {
            throw new NotSupportedException($"Cannot transcode {from} to {to}: only among uncompressed, non-deflated syntaxes.");
        }

        var dataset = DicomDatasetReader.Read(source, from);
        return Encode(dataset, toSyntaxUid);
    }
}
