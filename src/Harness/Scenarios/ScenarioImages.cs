using Conformance.Generation;

namespace Conformance.Harness.Scenarios;

/// <summary>The 2016 report's objects: CT images of 512x512x16 bits (about 514 KB each), generated once into a folder and reused.</summary>
public sealed class ScenarioImages
{
    private ScenarioImages(string directory, IReadOnlyList<string> files)
    {
        Directory = directory;
        Files = files;
        BytesPerImage = files.Count == 0 ? 0 : (long)files.Average(f => new FileInfo(f).Length);
    }

    public string Directory { get; }

    public IReadOnlyList<string> Files { get; }

    /// <summary>Mean file size: what one C-STORE puts on the wire, for the budget's link time.</summary>
    public long BytesPerImage { get; }

    public static Task<ScenarioImages> GenerateAsync(string directory, int count, CancellationToken cancellationToken) =>
        GenerateAsync(directory, new GenerationOptions { Modality = GeneratedModality.CT, Count = count, Seed = 2016 }, cancellationToken);

    public static async Task<ScenarioImages> GenerateAsync(string directory, GenerationOptions options, CancellationToken cancellationToken)
    {
        var files = await TestDataGenerator.WriteFilesAsync(options, directory, cancellationToken).ConfigureAwait(false);
        return new ScenarioImages(directory, files);
    }

    public IReadOnlyList<string> Take(int count) =>
        count <= Files.Count ? [.. Files.Take(count)] : throw new ArgumentOutOfRangeException(nameof(count), $"only {Files.Count} images were generated");
}
