using Conformance.Cli.Hosting;
using Conformance.Harness.Sut.Catalog;

namespace Conformance.Cli.Matrix;

/// <summary>`--sut` to the harness's system under test: ours, dcmtk, or external:FILE (a JSON description, docs/matrix.md).</summary>
internal static class MatrixSuts
{
    public const string ExternalPrefix = "external:";

    public static SutDescriptor Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text == SutCatalog.Ours.Name)
        {
            return SutCatalog.Ours;
        }

        if (text == SutCatalog.Dcmtk.Name)
        {
            return SutCatalog.Dcmtk;
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
}
