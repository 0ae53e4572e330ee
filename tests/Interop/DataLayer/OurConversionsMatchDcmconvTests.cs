using Conformance.Dicom.Data;
using Conformance.Generation;
using Conformance.Dicom.IO;
using Conformance.Interop.Tests.Support;

namespace Conformance.Interop.Tests.DataLayer;

/// <summary>
/// Files we convert to each uncompressed syntax are accepted by dcmdump and hold, element by element
/// (tag, VR, value bytes; deflated data compared after inflating), what dcmconv makes of the same source.
/// Length encodings and file meta identity differ by design (dcmconv writes defined lengths and its own
/// implementation UID; we keep lengths as read and write ours).
/// </summary>
public class OurConversionsMatchDcmconvTests
{
    private static readonly Dictionary<string, string> DcmconvOption = new()
    {
        ["implicit-le"] = "+ti",
        ["explicit-le"] = "+te",
        ["explicit-be"] = "+tb",
        ["deflated"] = "+td",
    };

    private static IEnumerable<TestCaseData> Cases() =>
        from modality in Enum.GetValues<GeneratedModality>()
        from source in new[] { "explicit-le", "implicit-le" }
        from target in UncompressedSyntaxes.Names
        where source != target
        select new TestCaseData(modality, source, target).SetName($"{modality} converted {source} -> {target} equals dcmconv's conversion");

    [TestCaseSource(nameof(Cases))]
    public async Task Our_conversion_is_read_by_dcmdump_and_equals_dcmconv(GeneratedModality modality, string source, string target)
    {
        HostTools.Require("dcmconv", "dcmdump");
        using var workspace = new TempDirectory();
        using var runner = new HostProcessRunner();
        var options = new GenerationOptions { Modality = modality, Seed = 33, TransferSyntaxUid = UncompressedSyntaxes.UidOf(source) };
        var original = (await TestDataGenerator.WriteFilesAsync(options, workspace.Path, CancellationToken.None))[0];
        var ours = workspace.File("ours.dcm");
        var theirs = workspace.File("dcmconv.dcm");

        await SyntaxConverter.ConvertFileAsync(original, ours, UncompressedSyntaxes.UidOf(target), CancellationToken.None);
        var dcmconv = await runner.RunAsync("dcmconv", [DcmconvOption[target], original, theirs], CancellationToken.None);

        dcmconv.ExitCode.Should().Be(0, dcmconv.Describe());
        await Dcmdump.AssertReadsCleanlyAsync(runner, ours, CancellationToken.None);
        var ourFile = DicomFile.Open(ours);
        var theirFile = DicomFile.Open(theirs);
        ourFile.TransferSyntax.Should().Be(theirFile.TransferSyntax);
        DatasetComparer.Compare(theirFile.Dataset, ourFile.Dataset).Should().BeEmpty("our conversion must hold what dcmconv's holds");
        PixelBytes(ourFile).Should().Equal(PixelBytes(theirFile), "pixel data must be equal");
        MetaWithoutIdentity(ourFile).Should().Equal(MetaWithoutIdentity(theirFile));
    }

    private static byte[] PixelBytes(DicomFile file) =>
        ((DicomValueElement)file.Dataset[DicomTags.PixelData]).Value.GetMemory().ToArray();

    /// <summary>File meta elements other than group length and implementation identity, as "tag VR value".</summary>
    private static List<string> MetaWithoutIdentity(DicomFile file) =>
        file.FileMetaInformation
            .Where(e => e.Tag != DicomTags.FileMetaInformationGroupLength && e.Tag != DicomTags.ImplementationClassUID && e.Tag != DicomTags.ImplementationVersionName)
            .Select(e => $"{e.Tag} {e.VR} {Convert.ToHexString(((DicomValueElement)e).Value.GetMemory().Span)}")
            .ToList();
}
