using Conformance.Dicom.Generation;
using Conformance.Dicom.IO;

namespace Conformance.Unit.Tests.Dicom.Generation;

/// <summary>The converter's workaround for large deflated inputs must give what the ordinary path gives.</summary>
public class LargeDeflatedInputTests
{
    [TestCase(GeneratedModality.RICH, "explicit-le")]
    [TestCase(GeneratedModality.RICH, "implicit-le")]
    [TestCase(GeneratedModality.US, "explicit-be")]
    [TestCase(GeneratedModality.CT, "explicit-le")]
    public async Task The_workaround_writes_the_same_bytes_as_the_ordinary_path(GeneratedModality modality, string target)
    {
        using var workspace = new TempDirectory();
        var options = new GenerationOptions { Modality = modality, TransferSyntaxUid = UncompressedSyntaxes.DeflatedExplicitLittleEndian };
        var source = (await TestDataGenerator.WriteFilesAsync(options, workspace.File("gen"), CancellationToken.None))[0];
        var ordinary = workspace.File("ordinary.dcm");
        var workaround = workspace.File("workaround.dcm");

        await SyntaxConverter.ConvertFileAsync(source, ordinary, UncompressedSyntaxes.UidOf(target), CancellationToken.None);
        var result = await LargeDeflatedInput.ConvertAsync(source, workaround, DicomTransferSyntax.Lookup(UncompressedSyntaxes.UidOf(target)), CancellationToken.None);

        result.Unchanged.Should().BeFalse();
        (await File.ReadAllBytesAsync(workaround)).Should().Equal(await File.ReadAllBytesAsync(ordinary));
        Directory.GetFiles(workspace.Path).Should().HaveCount(2, "the inflated temporary file is removed");
    }

    [Test]
    public async Task To_its_own_syntax_the_workaround_copies_the_bytes()
    {
        using var workspace = new TempDirectory();
        var options = new GenerationOptions { Modality = GeneratedModality.SC, TransferSyntaxUid = UncompressedSyntaxes.DeflatedExplicitLittleEndian };
        var source = (await TestDataGenerator.WriteFilesAsync(options, workspace.File("gen"), CancellationToken.None))[0];
        var output = workspace.File("same.dcm");

        var result = await LargeDeflatedInput.ConvertAsync(source, output, DicomTransferSyntax.DeflatedExplicitVRLittleEndian, CancellationToken.None);

        result.Unchanged.Should().BeTrue();
        (await File.ReadAllBytesAsync(output)).Should().Equal(await File.ReadAllBytesAsync(source));
    }

    [Test]
    public async Task Small_or_non_deflated_files_take_the_ordinary_path()
    {
        using var workspace = new TempDirectory();
        var options = new GenerationOptions { Modality = GeneratedModality.CT, TransferSyntaxUid = UncompressedSyntaxes.DeflatedExplicitLittleEndian };
        var source = (await TestDataGenerator.WriteFilesAsync(options, workspace.Path, CancellationToken.None))[0];

        LargeDeflatedInput.Applies(source, out _).Should().BeFalse();
        LargeDeflatedInput.ReadMeta(source).Meta.GetString(Conformance.Dicom.Data.DicomTags.TransferSyntaxUID)
            .Should().Be(UncompressedSyntaxes.DeflatedExplicitLittleEndian);
    }
}
