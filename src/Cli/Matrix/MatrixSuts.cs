using Conformance.Cli.Hosting;
using Conformance.Harness.Sut.Catalog;

namespace Conformance.Cli.Matrix;

/// <summary>`--sut` to the harness's system under test: ours, ours-pathological, dcmtk, or external:FILE (a JSON description, docs/matrix.md).</summary>
internal static class MatrixSuts
{
    public const string ExternalPrefix = "external:";

    public static SutDescriptor Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (Named(text) is { } named)
        {
            return named;
        }

        var file = text.StartsWith(ExternalPrefix, StringComparison.Ordinal) ? text[ExternalPrefix.Length..] : text;
        if (!File.Exists(file))
        {
            throw CliException.Usage($"--sut {text}: external SUTs are described by a JSON file (docs/matrix.md), and {file} does not exist");
        }

        try
        {
            return SutCatalog.FromEnvironment(name => name == SutCatalog.Variable ? file : null).Single();
        }
        catch (Exception ex) when (ex is ArgumentException or InvalidDataException or System.Text.Json.JsonException or IOException)
        {
            throw CliException.Usage($"--sut {text}: {ex.Message}");
        }
    }

    /// <summary>The SUT the harness knows by this name (ours, ours-pathological, dcmtk), or null.</summary>
    public static SutDescriptor? Named(string name) =>
        new[] { SutCatalog.Ours, SutCatalog.OursPathological, SutCatalog.Dcmtk }.FirstOrDefault(d => d.Name == name);
}
