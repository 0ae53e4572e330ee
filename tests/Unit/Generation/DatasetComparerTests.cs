using Conformance.Dicom.Data;
using Conformance.Generation;

namespace Conformance.Unit.Tests.Generation;

public class DatasetComparerTests
{
    private static DicomDataset Sample()
    {
        var d = TestDataGenerator.CreateFile(new GenerationOptions { Modality = GeneratedModality.RICH }, default).Dataset;
        return d;
    }

    [Test]
    public void Equal_data_sets_have_no_differences()
    {
        DatasetComparer.Compare(Sample(), Sample()).Should().BeEmpty();
    }

    [Test]
    public void Finds_a_changed_value_deep_in_a_nested_sequence()
    {
        var changed = Sample();
        changed.GetSequence(DicomTags.RequestAttributesSequence).Items[0]
            .GetSequence(DicomTags.ScheduledProtocolCodeSequence).Items[0].SetString(DicomTags.CodeValue, "OTHER");

        var differences = DatasetComparer.Compare(Sample(), changed);

        differences.Should().ContainSingle().Which.Path.Should().Be("(0040,0275)[0].(0040,0008)[0].(0008,0100)");
        differences[0].Kind.Should().Be(DatasetDifferenceKind.Value);
    }

    [Test]
    public void Finds_missing_elements_vr_changes_and_a_single_changed_pixel_byte()
    {
        var changed = Sample();
        changed.Remove(DicomTags.PatientSex);
        changed.SetString(DicomTags.Manufacturer, DicomVR.SH, "CONFORMANCE");
        var pixels = ((DicomValueElement)changed[DicomTags.PixelData]).Value.GetMemory().ToArray();
        pixels[1000] ^= 1;
        changed.SetBytes(DicomTags.PixelData, DicomVR.OW, pixels);

        var differences = DatasetComparer.Compare(Sample(), changed);

        differences.Select(d => d.Kind).Should().BeEquivalentTo(new[]
        {
            DatasetDifferenceKind.OnlyInFirst, DatasetDifferenceKind.ValueRepresentation, DatasetDifferenceKind.Value,
        });
        differences[^1].Detail.Should().Contain("offset 1000");
    }
}
