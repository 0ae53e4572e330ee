using Conformance.Dicom.Data;

namespace Conformance.Dicom.IO;

/// <summary>The start of a PS3.10 file: preamble, file meta information, and where the data set begins.</summary>
public sealed record DicomFileHeader(ReadOnlyMemory<byte> Preamble, DicomDataset FileMetaInformation, DicomTransferSyntax TransferSyntax, long DatasetOffset)
{
    public string? SopClassUid => FileMetaInformation.GetStringOrDefault(DicomTags.MediaStorageSOPClassUID);

    public string? SopInstanceUid => FileMetaInformation.GetStringOrDefault(DicomTags.MediaStorageSOPInstanceUID);
}
