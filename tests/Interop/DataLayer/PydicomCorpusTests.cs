using System.Text.RegularExpressions;
using Conformance.Dicom.Data;
using Conformance.Dicom.IO;
using Conformance.Interop.Tests.Dimse.Infrastructure;
using Conformance.Interop.Tests.Support;

namespace Conformance.Interop.Tests.DataLayer;

/// <summary>
/// Debian's python3-pydicom test files, a corpus nobody here wrote (files without file meta, meta without a Transfer
/// Syntax UID, odd lengths, big endian, deflate, truncations): what dcmdump reads we read, with the same top-level
/// elements and UIDs; what dcmdump refuses we refuse with a <see cref="DicomFormatException"/>; what we read and write
/// back, dcmdump reads without a warning the source file did not already earn.
/// </summary>
public partial class PydicomCorpusTests
{

    [Test]
    public async Task Every_file_dcmdump_reads_we_read_alike_and_write_back_conformant()
    {
        HostTools.Require("dcmdump");
        using var runner = new HostProcessRunner();
        using var temp = new TempDirectory("pydicom-corpus");
        var problems = new List<string>();
        var files = await PydicomTestFiles.AllAsync();
        foreach (var path in files)
        {
            var name = Path.GetFileName(path);
            var dcmdump = await Dcmdump.DumpAsync(runner, path, CancellationToken.None);
            DicomFile ours;
            try
            {
                ours = DicomFile.Open(path);
            }
            catch (DicomFormatException ex)
            {
                if (dcmdump.ExitCode == 0)
                {
                    problems.Add($"{name}: dcmdump reads it, we refuse it: {ex.Message}");
                }

                continue;
            }

            if (dcmdump.ExitCode != 0)
            {
                problems.Add($"{name}: dcmdump refuses it ({FirstError(dcmdump)}), we read it");
                continue;
            }

            problems.AddRange(Compare(name, TopLevel(dcmdump.StandardOutput), ours.Dataset));
            var written = temp.File(name);
            ours.Save(written);
            var check = await Dcmdump.DumpAsync(runner, written, CancellationToken.None);
            // Only what we add counts: an element of a forbidden group is kept as it came, and dcmdump says so both times.
            var inherited = Dcmdump.Problems(dcmdump).ToHashSet(StringComparer.Ordinal);
            problems.AddRange(Dcmdump.Problems(check).Where(p => !inherited.Contains(p)).Select(p => $"{name} as we write it: {p}"));
        }

        TestContext.Progress.WriteLine($"pydicom corpus: {files.Count} files, {problems.Count} problems");
        problems.ForEach(p => TestContext.Progress.WriteLine("  " + p));
        problems.Should().BeEmpty();
    }

    private static IEnumerable<string> Compare(string name, IReadOnlyList<(uint Tag, string Vr, string? Uid)> expected, DicomDataset dataset)
    {
        // A UN of undefined length is a sequence in implicit VR (PS3.5 6.2.2, CP-246): DCMTK shows it as SQ, we keep UN.
        var ours = dataset.Select(e => (e.Tag.Value, e is DicomSequence { VR.Code: "UN" } ? "SQ" : e.VR.ToString())).ToList();
        var theirs = expected.Select(e => (e.Tag, e.Vr)).ToList();
        if (!ours.SequenceEqual(theirs))
        {
            var at = ours.Zip(theirs).TakeWhile(p => p.First == p.Second).Count();
            yield return $"{name}: top-level elements differ from #{at}: dcmdump [{Describe(theirs.Skip(at).Take(3))}] ours [{Describe(ours.Skip(at).Take(3))}] ({theirs.Count} vs {ours.Count})";
            yield break;
        }

        foreach (var (tag, _, uid) in expected.Where(e => e.Uid is not null))
        {
            var value = dataset.GetStringOrDefault(new DicomTag(tag));
            if (!string.Equals(value, uid, StringComparison.Ordinal))
            {
                yield return $"{name}: ({tag >> 16:X4},{tag & 0xFFFF:X4}) is [{value}], dcmdump reads [{uid}]";
            }
        }
    }

    private static string Describe(IEnumerable<(uint Tag, string Vr)> elements) =>
        string.Join(' ', elements.Select(e => $"{e.Tag:X8}{e.Vr}"));

    // Top-level lines of the data set part: "(gggg,eeee) VR value  # length, VM Keyword"; UIDs kept for comparison.
    // Delimiters (group FFFE) are printed at the level of their sequence; dcmdump's "??" is an unknown VR (UN).
    private static List<(uint Tag, string Vr, string? Uid)> TopLevel(string dump)
    {
        var dataSet = dump.IndexOf("# Dicom-Data-Set", StringComparison.Ordinal);
        var lines = (dataSet < 0 ? dump : dump[dataSet..]).Split('\n');
        var elements = new List<(uint, string, string?)>();
        foreach (var line in lines)
        {
            var m = ElementLine().Match(line);
            if (m.Success && !m.Groups[1].Value.Equals("fffe", StringComparison.OrdinalIgnoreCase))
            {
                var tag = Convert.ToUInt32(m.Groups[1].Value + m.Groups[2].Value, 16);
                var vr = m.Groups[3].Value == "??" ? "UN" : m.Groups[3].Value;
                var uid = vr == "UI" && m.Groups[4].Success ? m.Groups[4].Value : null;
                elements.Add((tag, vr, uid));
            }
        }

        return elements;
    }

    private static string FirstError(HostProcessResult result) =>
        result.Output.Split('\n').FirstOrDefault(l => l.StartsWith("E:", StringComparison.Ordinal)) ?? $"exit {result.ExitCode}";

    [GeneratedRegex(@"^\(([0-9a-f]{4}),([0-9a-f]{4})\) ([A-Z][A-Z]|\?\?) (?:\[([^\]]*)\])?", RegexOptions.IgnoreCase)]
    private static partial Regex ElementLine();
}
