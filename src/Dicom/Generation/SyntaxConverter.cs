namespace Conformance.Dicom.Generation;

/// <summary>Outcome of one file conversion.</summary>
public sealed record ConversionResult(string SourceSyntaxUid, string TargetSyntaxUid, bool Unchanged, long BytesWritten)
{
    public string Describe() => Unchanged
        ? $"already {UncompressedSyntaxes.NameOf(TargetSyntaxUid)}: written unchanged ({BytesWritten} bytes)"
        : $"converted {UncompressedSyntaxes.NameOf(SourceSyntaxUid)} -> {UncompressedSyntaxes.NameOf(TargetSyntaxUid)} ({BytesWritten} bytes)";
}

/// <summary>Converts PS3.10 files between the uncompressed transfer syntaxes, like dcmconv.</summary>
public static class SyntaxConverter
{
    public static Task<ConversionResult> ConvertFileAsync(string input, string output, string targetSyntaxUid, CancellationToken cancellationToken)
    {
        throw new NotSupportedException("waiting for the data layer API");
    }
}
