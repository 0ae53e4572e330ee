namespace Conformance.Dicom.Generation;

/// <summary>Writes generated objects as PS3.10 files.</summary>
public static class TestDataGenerator
{
    /// <summary>Writes every object of <paramref name="options"/> into <paramref name="directory"/>; returns the paths in hierarchy order.</summary>
    public static Task<IReadOnlyList<string>> WriteFilesAsync(GenerationOptions options, string directory, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        throw new NotSupportedException("waiting for the data layer API");
    }
}
