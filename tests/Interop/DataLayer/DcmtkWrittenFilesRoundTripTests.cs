using Conformance.Dicom.Data;
using Conformance.Generation;
using Conformance.Dicom.IO;
using Conformance.Interop.Tests.Support;

namespace Conformance.Interop.Tests.DataLayer;

/// <summary>
/// Files DCMTK writes, in every syntax it can produce from our objects, are read by us and written back
/// byte-identical (file meta, lengths, deflate stream and encapsulated fragments as DCMTK wrote them).
/// </summary>
public class DcmtkWrittenFilesRoundTripTests
{
    private static IEnumerable<TestCaseData> Cases() =>
        from modality in Enum.GetValues<GeneratedModality>()
        from encoding in DcmtkEncoding.All
        where encoding.Fits(ModalityTemplates.For(modality).Pixels)
        select new TestCaseData(modality, encoding).SetName($"{modality} written by {encoding.Name} is read and written back byte-identical");

    [TestCaseSource(nameof(Cases))]
    public async Task Dcmtk_output_is_read_and_written_back_byte_identical(GeneratedModality modality, DcmtkEncoding encoding)
    {
        HostTools.Require([encoding.Tool, "dcmdump", .. encoding.Decoder is null ? Array.Empty<string>() : [encoding.Decoder]]);
        using var workspace = new TempDirectory();
        using var runner = new HostProcessRunner();
        var source = (await TestDataGenerator.WriteFilesAsync(
            new GenerationOptions { Modality = modality, Seed = 21 }, workspace.Path, CancellationToken.None))[0];
        var dcmtkFile = workspace.File("dcmtk.dcm");

        var written = await runner.RunAsync(encoding.Tool, [.. encoding.Options, source, dcmtkFile], CancellationToken.None);
        written.ExitCode.Should().Be(0, written.Describe());
        if (encoding.Decoder is not null)
        {
            var encoded = workspace.File("dcmtk-encoded.dcm");
            File.Move(dcmtkFile, encoded);
            var decoded = await runner.RunAsync(encoding.Decoder, [encoded, dcmtkFile], CancellationToken.None);
            decoded.ExitCode.Should().Be(0, decoded.Describe());
        }

        await Dcmdump.AssertReadsCleanlyAsync(runner, dcmtkFile, CancellationToken.None);

        var ours = DicomFile.Open(dcmtkFile);
        var copy = workspace.File("ours.dcm");
        ours.Save(copy);

        ours.TransferSyntax.Uid.Should().Be(await DcmtkSyntaxOfAsync(dcmtkFile, runner));
        if (ours.TransferSyntax.IsEncapsulated)
        {
            ours.Dataset[DicomTags.PixelData].Should().BeOfType<DicomFragmentSequence>()
                .Which.Fragments.Should().NotBeEmpty();
        }

        if (encoding.Lossless)
        {
            var original = ((DicomValueElement)DicomFile.Open(source).Dataset[DicomTags.PixelData]).Value.GetMemory().ToArray();
            ((DicomValueElement)ours.Dataset[DicomTags.PixelData]).Value.GetMemory().ToArray()
                .Should().Equal(original, "DCMTK decoded its lossless encoding of our pixels, and we read what it wrote");
        }

        var expected = await File.ReadAllBytesAsync(dcmtkFile);
        var actual = await File.ReadAllBytesAsync(copy);
        actual.Length.Should().Be(expected.Length, $"{encoding} ({ours.TransferSyntax}) written back must keep its length");
        var at = actual.AsSpan().CommonPrefixLength(expected);
        at.Should().Be(expected.Length, $"{encoding} ({ours.TransferSyntax}) written back must be byte-identical; first difference at byte {at}");
    }

    /// <summary>The transfer syntax as DCMTK itself reports it, so our reading is checked against theirs.</summary>
    private static async Task<string> DcmtkSyntaxOfAsync(string file, HostProcessRunner runner)
    {
        var dump = await runner.RunAsync("dcmdump", ["-M", "+P", "TransferSyntaxUID", "-Un", file], CancellationToken.None);
        var line = dump.StandardOutput.Split('\n').First(l => l.StartsWith("(0002,0010)", StringComparison.Ordinal));
        var start = line.IndexOf('[', StringComparison.Ordinal) + 1;
        return line[start..line.IndexOf(']', start)].TrimEnd('\0');
    }
}
