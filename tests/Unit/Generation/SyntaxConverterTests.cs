using Conformance.Dicom.Data;
using Conformance.Generation;
using Conformance.Dicom.IO;
using Conformance.Unit.Tests.Support;

namespace Conformance.Unit.Tests.Generation;

public class SyntaxConverterTests
{
    private static IEnumerable<TestCaseData> ModalitiesAndSyntaxes() =>
        from modality in Enum.GetValues<GeneratedModality>()
        from syntax in UncompressedSyntaxes.Names
        select new TestCaseData(modality, syntax);

    private static async Task<string> GenerateAsync(TempDirectory workspace, GeneratedModality modality, string syntax)
    {
        var options = new GenerationOptions { Modality = modality, TransferSyntaxUid = UncompressedSyntaxes.UidOf(syntax), Seed = 77 };
        return (await TestDataGenerator.WriteFilesAsync(options, workspace.File("generated"), CancellationToken.None))[0];
    }

    /// <summary>Converts <paramref name="source"/> through <paramref name="syntaxes"/> in order; returns the last file.</summary>
    private static async Task<string> ChainAsync(TempDirectory workspace, string source, IEnumerable<string> syntaxes)
    {
        var current = source;
        var step = 0;
        foreach (var syntax in syntaxes)
        {
            var next = workspace.File($"step{++step}.{syntax}.dcm");
            await SyntaxConverter.ConvertFileAsync(current, next, UncompressedSyntaxes.UidOf(syntax), CancellationToken.None);
            DicomFile.Open(next).TransferSyntax.Uid.Should().Be(UncompressedSyntaxes.UidOf(syntax));
            current = next;
        }

        return current;
    }

    [TestCaseSource(nameof(ModalitiesAndSyntaxes))]
    public async Task Converting_to_the_files_own_syntax_gives_the_same_bytes(GeneratedModality modality, string syntax)
    {
        using var workspace = new TempDirectory();
        var source = await GenerateAsync(workspace, modality, syntax);
        var output = workspace.File("same.dcm");

        var result = await SyntaxConverter.ConvertFileAsync(source, output, UncompressedSyntaxes.UidOf(syntax), CancellationToken.None);

        result.Unchanged.Should().BeTrue();
        (await File.ReadAllBytesAsync(output)).Should().Equal(await File.ReadAllBytesAsync(source));
    }

    [TestCaseSource(nameof(Modalities))]
    public async Task A_chain_through_all_four_syntaxes_from_implicit_gives_the_original_bytes(GeneratedModality modality)
    {
        using var workspace = new TempDirectory();
        var source = await GenerateAsync(workspace, modality, "implicit-le");

        var last = await ChainAsync(workspace, source, ["explicit-le", "explicit-be", "deflated", "implicit-le"]);

        (await File.ReadAllBytesAsync(last)).Should().Equal(await File.ReadAllBytesAsync(source));
    }

    [TestCase(GeneratedModality.CT)]
    [TestCase(GeneratedModality.MR)]
    public async Task A_chain_through_all_four_syntaxes_from_explicit_gives_the_original_bytes(GeneratedModality modality)
    {
        using var workspace = new TempDirectory();
        var source = await GenerateAsync(workspace, modality, "explicit-le");

        var last = await ChainAsync(workspace, source, ["implicit-le", "explicit-be", "deflated", "explicit-le"]);

        (await File.ReadAllBytesAsync(last)).Should().Equal(await File.ReadAllBytesAsync(source));
    }

    /// <summary>
    /// Implicit VR carries no VRs: 8-bit Pixel Data comes back as OW (PS3.5 A.1) and private elements as UN,
    /// exactly as dcmconv does. Everything else, and every value byte, survives the chain.
    /// </summary>
    [TestCase(GeneratedModality.US)]
    [TestCase(GeneratedModality.SC)]
    [TestCase(GeneratedModality.RICH)]
    public async Task A_chain_from_explicit_changes_only_what_implicit_vr_cannot_carry(GeneratedModality modality)
    {
        using var workspace = new TempDirectory();
        var source = await GenerateAsync(workspace, modality, "explicit-le");

        var last = await ChainAsync(workspace, source, ["implicit-le", "explicit-be", "deflated", "explicit-le"]);
        var differences = DatasetComparer.Compare(DicomFile.Open(source).Dataset, DicomFile.Open(last).Dataset);

        differences.Should().NotBeEmpty("the chain passes through implicit VR");
        differences.Should().AllSatisfy(d =>
        {
            d.Kind.Should().Be(DatasetDifferenceKind.ValueRepresentation, d.ToString());
            d.Detail.Should().BeOneOf("OB vs OW", "LO vs UN", "US vs UN", "FD vs UN", "OB vs UN", "UT vs UN");
        });
    }

    [TestCaseSource(nameof(ModalitiesAndSyntaxes))]
    public async Task A_converted_file_holds_the_same_data_set(GeneratedModality modality, string syntax)
    {
        using var workspace = new TempDirectory();
        var source = await GenerateAsync(workspace, modality, "explicit-le");
        var output = workspace.File("converted.dcm");

        var result = await SyntaxConverter.ConvertFileAsync(source, output, UncompressedSyntaxes.UidOf(syntax), CancellationToken.None);
        var converted = DicomFile.Open(output);

        result.Unchanged.Should().Be(syntax == "explicit-le");
        converted.TransferSyntax.Uid.Should().Be(UncompressedSyntaxes.UidOf(syntax));
        DatasetComparer.Compare(DicomFile.Open(source).Dataset, converted.Dataset)
            .Where(d => syntax != "implicit-le" || d.Kind != DatasetDifferenceKind.ValueRepresentation)
            .Should().BeEmpty();
        converted.FileMetaInformation.GetUid(DicomTags.ImplementationClassUID).Should().Be(Conformance.Dicom.DicomImplementation.ClassUid);
    }

    [Test]
    public async Task Big_endian_files_hold_16_bit_pixels_byte_swapped()
    {
        using var workspace = new TempDirectory();
        var source = await GenerateAsync(workspace, GeneratedModality.MR, "explicit-le");
        var output = workspace.File("be.dcm");

        await SyntaxConverter.ConvertFileAsync(source, output, UncompressedSyntaxes.ExplicitBigEndian, CancellationToken.None);

        var little = await File.ReadAllBytesAsync(source);
        var big = await File.ReadAllBytesAsync(output);
        var pixels = ((DicomValueElement)DicomFile.Open(source).Dataset[DicomTags.PixelData]).Value.GetMemory().ToArray();
        var littleTail = little.AsSpan(little.Length - pixels.Length);
        var bigTail = big.AsSpan(big.Length - pixels.Length);
        littleTail.SequenceEqual(pixels).Should().BeTrue();
        for (var i = 0; i < 64; i += 2)
        {
            bigTail[i].Should().Be(littleTail[i + 1]);
            bigTail[i + 1].Should().Be(littleTail[i]);
        }
    }

    [Test]
    public async Task Converting_a_file_onto_itself_is_refused_and_leaves_it_intact()
    {
        using var workspace = new TempDirectory();
        var source = await GenerateAsync(workspace, GeneratedModality.SC, "deflated");
        var before = await File.ReadAllBytesAsync(source);

        var act = () => SyntaxConverter.ConvertFileAsync(source, source, UncompressedSyntaxes.ExplicitBigEndian, CancellationToken.None);

        await act.Should().ThrowAsync<IOException>().WithMessage("*onto itself*");
        (await File.ReadAllBytesAsync(source)).Should().Equal(before);
    }

    private static readonly GeneratedModality[] Modalities = Enum.GetValues<GeneratedModality>();
}
