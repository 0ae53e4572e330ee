using Conformance.Dicom.Data;
using Conformance.Generation;
using Conformance.Dicom.IO;
using Conformance.Unit.Tests.Support;

namespace Conformance.Unit.Tests.Generation;

public class RichContentTests
{
    private static async Task<List<DicomFile>> ReadRichAsync(TempDirectory workspace, int patients)
    {
        var options = new GenerationOptions { Modality = GeneratedModality.RICH, Patients = patients };
        var files = await TestDataGenerator.WriteFilesAsync(options, workspace.Path, CancellationToken.None);
        return files.Select(f => DicomFile.Open(f)).ToList();
    }

    [Test]
    public async Task Rich_has_sequences_nested_and_of_both_length_kinds()
    {
        using var workspace = new TempDirectory();
        var d = (await ReadRichAsync(workspace, 1))[0].Dataset;

        var sequences = d.OfType<DicomSequence>().ToList();
        sequences.Should().HaveCountGreaterThanOrEqualTo(4);
        d.GetSequence(DicomTags.OtherPatientIDsSequence).Items.Should().HaveCount(2);
        d.GetSequence(DicomTags.ReferencedPatientSequence).Items.Should().BeEmpty();
        var requests = d.GetSequence(DicomTags.RequestAttributesSequence);
        requests.UndefinedLength.Should().BeTrue();
        d.GetSequence(DicomTags.OtherPatientIDsSequence).UndefinedLength.Should().BeFalse();
        var nested = requests.Items[0].GetSequence(DicomTags.ScheduledProtocolCodeSequence);
        nested.Items[0].GetString(DicomTags.CodeMeaning).Should().Be("Protokoll Bauch «spezial»");
    }

    [Test]
    public async Task Rich_has_a_private_creator_and_private_elements_of_several_vrs()
    {
        using var workspace = new TempDirectory();
        var d = (await ReadRichAsync(workspace, 1))[0].Dataset;

        d.TryGetPrivateBlock(0x0009, "CONFORMANCE GENERATOR 1.0", out var block).Should().BeTrue();
        var privateData = d.Where(e => e.Tag.IsPrivateData && e.Tag.PrivateBlock == block).ToList();
        privateData.Should().HaveCountGreaterThanOrEqualTo(4);
        privateData.Should().AllSatisfy(e => d.GetPrivateCreator(e.Tag).Should().Be("CONFORMANCE GENERATOR 1.0"));
        privateData.Select(e => e.VR).Distinct().Should().HaveCountGreaterThanOrEqualTo(4);
        d.GetString(DicomTag.Private(0x0009, block, 0x01)).Should().Be("generated test object");
    }

    [Test]
    public async Task Rich_names_are_non_ascii_utf8_under_iso_ir_192()
    {
        using var workspace = new TempDirectory();
        var files = await ReadRichAsync(workspace, 5);

        files.Should().AllSatisfy(f => f.Dataset.GetString(DicomTags.SpecificCharacterSet).Should().Be("ISO_IR 192"));
        var names = files.Select(f => f.Dataset.GetString(DicomTags.PatientName)).ToList();
        names.Should().Contain("Müller^Jürgen").And.Contain("Yamada^Tarou=山田^太郎=やまだ^たろう");
        names.Should().AllSatisfy(name => name.Should().Match(n => n.Any(c => c > 0x7F)));
        var raw = ((DicomValueElement)files[0].Dataset[DicomTags.PatientName]).Value.GetMemory().ToArray();
        System.Text.Encoding.UTF8.GetString(raw).TrimEnd(' ').Should().Be("Müller^Jürgen", "the bytes on disk are UTF-8");
        var item = files[0].Dataset.GetSequence(DicomTags.OtherPatientIDsSequence).Items[0];
        item.GetString(DicomTags.IssuerOfPatientID).Should().Be("Klinikum Süd", "items inherit the character set");
    }

    [Test]
    public void Plain_modalities_stay_in_the_default_repertoire()
    {
        var d = TestDataGenerator.CreateFile(new GenerationOptions { Modality = GeneratedModality.CT }, default).Dataset;

        d.Contains(DicomTags.SpecificCharacterSet).Should().BeFalse();
        d.GetString(DicomTags.PatientName).Should().MatchRegex("^[A-Z^]+$");
    }
}
