using Conformance.Dicom;
using Conformance.Dicom.Data;
using Conformance.Dicom.IO;

namespace Conformance.Generation;

/// <summary>Outcome of one file conversion.</summary>
public sealed record ConversionResult(string SourceSyntaxUid, string TargetSyntaxUid, bool Unchanged, long BytesWritten)
{
    public string Describe() => Unchanged
        ? $"already {UncompressedSyntaxes.NameOf(TargetSyntaxUid)}: written unchanged ({BytesWritten} bytes)"
        : $"converted {UncompressedSyntaxes.NameOf(SourceSyntaxUid)} -> {UncompressedSyntaxes.NameOf(TargetSyntaxUid)} ({BytesWritten} bytes)";
}

/// <summary>
/// Converts PS3.10 files between the uncompressed transfer syntaxes, as dcmconv +ti/+te/+tb/+td does: the
/// data set re-encoded in the target syntax, the file meta's Transfer Syntax UID and implementation identity
/// set to the new syntax and to us. A file already in the target syntax is written back unchanged (same
/// bytes). Large values stream from the input file to the output file.
/// </summary>
public static class SyntaxConverter
{
    public static async Task<ConversionResult> ConvertFileAsync(string input, string output, string targetSyntaxUid, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(output);
        if (string.Equals(Path.GetFullPath(input), Path.GetFullPath(output), StringComparison.Ordinal))
        {
            throw new IOException($"refusing to convert {input} onto itself; write elsewhere and move");
        }

        var target = DicomTransferSyntax.Lookup(targetSyntaxUid);
        if (target.IsEncapsulated)
        {
            throw new NotSupportedException($"{target} needs a codec; convert writes the uncompressed syntaxes only");
        }

        var file = DicomFile.Open(input);
        var source = file.TransferSyntax;
        var unchanged = source.Equals(target);
        if (!unchanged)
        {
            file.ChangeTransferSyntax(target);
            file.FileMetaInformation.SetUid(DicomTags.ImplementationClassUID, DicomImplementation.ClassUid);
            file.FileMetaInformation.SetString(DicomTags.ImplementationVersionName, DicomVR.SH, DicomImplementation.VersionName);
        }

        await file.SaveAsync(output, cancellationToken: cancellationToken).ConfigureAwait(false);
        return new ConversionResult(source.Uid, target.Uid, unchanged, new FileInfo(output).Length);
    }
}
