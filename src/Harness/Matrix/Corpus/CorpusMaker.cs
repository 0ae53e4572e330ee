using Conformance.Dicom.IO;
using Conformance.Generation;
using Conformance.Harness.Docker;
using Conformance.Harness.Images;
using Conformance.Harness.Setup;

namespace Conformance.Harness.Matrix.Corpus;

/// <summary>
/// Makes the <see cref="MatrixCorpus"/>: objects from our generator (explicit VR little endian), every other
/// syntax made by the peer images' own tools (dcmconv, dcmcjpeg, dcmcjpls, dcmcrle; gdcmconv for JPEG 2000)
/// in one throwaway container per image, each result checked to be in the syntax it claims.
/// </summary>
public static class CorpusMaker
{
    public static async Task<MatrixCorpus> MakeAsync(HarnessEnvironment environment, string root, Action<string> log, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(environment);
        ArgumentNullException.ThrowIfNull(log);
        Directory.CreateDirectory(root);
        var series = await TestDataGenerator.WriteFilesAsync(new GenerationOptions { Modality = GeneratedModality.MR, Count = 20, Seed = 705 }, Path.Combine(root, "series"), cancellationToken).ConfigureAwait(false);
        var large = (await TestDataGenerator.WriteFilesAsync(new GenerationOptions { Modality = GeneratedModality.US, Frames = 200, Seed = 704 }, Path.Combine(root, "large"), cancellationToken).ConfigureAwait(false))[0];
        var query = await QueryCorpusMaker.MakeAsync(Path.Combine(root, "query"), cancellationToken).ConfigureAwait(false);
        await WriteSourcesAsync(Path.Combine(root, "syntax", "source"), cancellationToken).ConfigureAwait(false);
        foreach (var family in SyntaxCase.All.Select(s => s.Family).OfType<string>().Distinct(StringComparer.Ordinal))
        {
            await ConvertAsync(environment, PeerFamily.Parse(family), root, log, cancellationToken).ConfigureAwait(false);
        }

        var notes = new List<string>();
        var bySyntax = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        foreach (var syntax in SyntaxCase.All)
        {
            bySyntax[syntax.Name] = Checked(syntax, Path.Combine(root, "syntax", syntax.Name), notes);
        }

        foreach (var note in notes)
        {
            log(note);
        }

        return new MatrixCorpus(root, series, bySyntax, query, large, notes);
    }

    private static async Task WriteSourcesAsync(string directory, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(directory);
        foreach (var (name, modality, seed) in new[] { (SyntaxCase.Ct, GeneratedModality.CT, 706L), (SyntaxCase.Sc, GeneratedModality.SC, 707L) })
        {
            var file = TestDataGenerator.CreateFile(new GenerationOptions { Modality = modality, Seed = seed }, new InstancePlace(0, 0, 0, 0));
            await file.SaveAsync(Path.Combine(directory, name + ".dcm"), cancellationToken: cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>One container of the family's image converts every object into every syntax that family makes.</summary>
    private static async Task ConvertAsync(HarnessEnvironment environment, PeerFamily family, string root, Action<string> log, CancellationToken cancellationToken)
    {
        var lines = new List<string> { "cd /corpus/syntax" };
        foreach (var syntax in SyntaxCase.All.Where(s => s.Family == family.Name))
        {
            lines.Add($"mkdir -p {syntax.Name}");
            lines.AddRange(syntax.Objects.Select(o => $"{syntax.Command} source/{o}.dcm {syntax.Name}/{o}.dcm || echo 'could not make {syntax.Name}/{o}.dcm'"));
        }

        var image = environment.Image(family);
        log($"making the corpus's {family.Name} syntaxes with {image.Tag}");
        var result = await environment.Docker.RunAsync(
            ["run", "--rm", "--network", "none", .. SuiteLabels.CliArguments, "-v", $"{Path.GetFullPath(root)}:/corpus", image.Tag, "sh", "-c", string.Join('\n', lines)],
            cancellationToken).ConfigureAwait(false);
        if (!result.Succeeded || result.Output.Contains("could not make", StringComparison.Ordinal))
        {
            log($"{family.Name} conversions: {result.Output.Trim()}");
        }
    }

    /// <summary>The files of a syntax's folder that really are in that syntax (the source itself for explicit VR little endian).</summary>
    private static List<string> Checked(SyntaxCase syntax, string directory, List<string> notes)
    {
        if (syntax.Command is null)
        {
            Directory.CreateDirectory(directory);
            foreach (var name in syntax.Objects)
            {
                File.Copy(Path.Combine(Path.GetDirectoryName(directory)!, "source", name + ".dcm"), Path.Combine(directory, name + ".dcm"), overwrite: true);
            }
        }

        var files = new List<string>();
        foreach (var name in syntax.Objects)
        {
            var path = Path.Combine(directory, name + ".dcm");
            var actual = File.Exists(path) ? DicomFile.Open(path).TransferSyntax.Uid : null;
            if (actual == syntax.Uid)
            {
                files.Add(path);
            }
            else
            {
                notes.Add($"corpus: {syntax.Name}/{name}.dcm {(actual is null ? "was not made" : $"came out in {actual}, not {syntax.Uid}")} by '{syntax.Command}'");
            }
        }

        return files;
    }
}
