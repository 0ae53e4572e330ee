using Conformance.Dicom.IO;

namespace Conformance.Generation;

/// <summary>Makes generated objects as PS3.10 files: deterministic for a seed and options.</summary>
public static class TestDataGenerator
{
    /// <summary>One generated object, not yet written; its pixel data is painted when it is written.</summary>
    public static DicomFile CreateFile(GenerationOptions options, InstancePlace place)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        var template = ModalityTemplates.For(options.Modality);
        var geometry = options.Frames is { } frames ? template.Pixels with { NumberOfFrames = frames } : template.Pixels;
        var pixels = new GeneratedPixels(template, geometry, options.Seed, place);
        var dataset = GeneratedDatasetBuilder.Build(options, template, place, pixels);
        return new DicomFile(dataset, DicomTransferSyntax.Lookup(options.TransferSyntaxUid));
    }

    /// <summary>Writes every object of <paramref name="options"/> into <paramref name="directory"/> (created if
    /// missing); returns the paths in hierarchy order.</summary>
    public static async Task<IReadOnlyList<string>> WriteFilesAsync(GenerationOptions options, string directory, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(directory);
        options.Validate();
        Directory.CreateDirectory(directory);
        var written = new List<string>(options.TotalInstances);
        foreach (var place in InstancePlace.Enumerate(options))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var path = Path.Combine(directory, place.FileName(options.Modality));
            await CreateFile(options, place).SaveAsync(path, cancellationToken: cancellationToken).ConfigureAwait(false);
            written.Add(path);
        }

        return written;
    }
}
