using Conformance.Dicom.Data;
using Conformance.Dicom.IO;

namespace Conformance.Fuzz.Targets;

/// <summary>What the data set and file parsers may answer to bad bytes, and the write-back check they share.</summary>
internal static class ParserRefusal
{
    /// <summary>
    /// Malformed DICOM is refused with <see cref="DicomFormatException"/>; a corrupt deflate stream with
    /// <see cref="InvalidDataException"/> (System.IO.Compression's own error, documented by the reader).
    /// </summary>
    public static bool IsDocumented(Exception ex) => ex is DicomFormatException or InvalidDataException;

    /// <summary>What we parsed we can write, and what we write we read back: we never emit what we cannot read.</summary>
    public static void RoundTrip(DicomDataset dataset, DicomTransferSyntax syntax)
    {
        var written = DicomDatasetWriter.ToArray(dataset, syntax);
        DicomDatasetReader.Read(written, syntax);
    }
}
