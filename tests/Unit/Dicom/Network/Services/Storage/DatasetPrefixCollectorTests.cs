using Conformance.Dicom.Data;
using Conformance.Dicom.IO;
using Conformance.Dicom.Network.Services.Storage;

namespace Conformance.Unit.Tests.Dicom.Network.Services.Storage;

public class DatasetPrefixCollectorTests
{
    private static readonly uint PixelDataTag = DicomTags.PixelData.Value;

    private static IEnumerable<TestCaseData> Cases()
    {
        foreach (var syntax in new[] { DicomTransferSyntax.ExplicitVRLittleEndian, DicomTransferSyntax.ImplicitVRLittleEndian, DicomTransferSyntax.ExplicitVRBigEndian })
        {
            foreach (var fragment in new[] { 1, 7, 1000, int.MaxValue })
            {
                yield return new TestCaseData(syntax, fragment).SetArgDisplayNames(syntax.Uid, fragment.ToString(System.Globalization.CultureInfo.InvariantCulture));
            }
        }
    }

    [TestCaseSource(nameof(Cases))]
    public void The_prefix_is_every_element_before_the_stop_tag_whatever_the_fragmentation(DicomTransferSyntax syntax, int fragment)
    {
        var dataset = WithNestedSequences();
        var collector = new DatasetPrefixCollector(syntax, PixelDataTag);

        Feed(collector, DicomDatasetWriter.ToArray(dataset, syntax), fragment);

        collector.IsComplete.Should().BeTrue();
        collector.Prefix!.Value.ToArray().Should().Equal(DicomDatasetWriter.ToArray(Before(dataset, PixelDataTag), syntax));
        var parsed = DicomDatasetReader.Read(collector.Prefix.Value, syntax);
        parsed.GetString(DicomTags.PatientID).Should().Be("P1");
        parsed.Contains(DicomTags.PixelData).Should().BeFalse();
    }

    [Test]
    public void A_data_set_without_the_stop_tag_is_its_own_prefix_once_it_ends()
    {
        var dataset = Before(WithNestedSequences(), PixelDataTag);
        var bytes = DicomDatasetWriter.ToArray(dataset, DicomTransferSyntax.ExplicitVRLittleEndian);
        var collector = new DatasetPrefixCollector(DicomTransferSyntax.ExplicitVRLittleEndian, PixelDataTag);

        Feed(collector, bytes, 100);
        collector.IsComplete.Should().BeFalse("the last element might still be followed by others");
        collector.End();

        collector.Prefix!.Value.ToArray().Should().Equal(bytes);
    }

    [Test]
    public void A_prefix_longer_than_the_limit_or_a_deflated_data_set_gives_no_prefix()
    {
        var dataset = WithNestedSequences();
        var longer = new DatasetPrefixCollector(DicomTransferSyntax.ExplicitVRLittleEndian, PixelDataTag, limit: 64);
        Feed(longer, DicomDatasetWriter.ToArray(dataset, DicomTransferSyntax.ExplicitVRLittleEndian), 16);
        longer.End();
        var deflated = new DatasetPrefixCollector(DicomTransferSyntax.DeflatedExplicitVRLittleEndian, PixelDataTag);
        Feed(deflated, DicomDatasetWriter.ToArray(dataset, DicomTransferSyntax.DeflatedExplicitVRLittleEndian), 16);
        deflated.End();

        longer.Prefix.Should().BeNull();
        deflated.Prefix.Should().BeNull();
    }

    [Test]
    public void Malformed_structure_gives_no_prefix_instead_of_a_wrong_one()
    {
        var collector = new DatasetPrefixCollector(DicomTransferSyntax.ExplicitVRLittleEndian, PixelDataTag);

        // (0008,0016) with "??" where the VR should be.
        collector.Append([0x08, 0x00, 0x16, 0x00, (byte)'?', (byte)'?', 0x02, 0x00, 0x31, 0x00]);
        collector.End();

        collector.Prefix.Should().BeNull();
    }

    private static void Feed(DatasetPrefixCollector collector, byte[] bytes, int fragment)
    {
        for (var offset = 0; offset < bytes.Length; offset += fragment)
        {
            collector.Append(bytes.AsSpan(offset, Math.Min(fragment, bytes.Length - offset)));
        }
    }

    private static DicomDataset Before(DicomDataset dataset, uint stopTag)
    {
        var copy = dataset.Clone();
        foreach (var element in dataset.Where(e => e.Tag.Value >= stopTag).ToList())
        {
            copy.Remove(element.Tag);
        }

        return copy;
    }

    // Undefined-length sequences and items, a defined-length one, nesting, and a private OB: all must be walked, not parsed.
    private static DicomDataset WithNestedSequences()
    {
        var ds = new DicomDataset();
        ds.SetUid(DicomTags.SOPClassUID, "1.2.840.10008.5.1.4.1.1.7");
        ds.SetUid(DicomTags.SOPInstanceUID, "1.2.3.4.5");
        var inner = new DicomDataset { UndefinedItemLength = true };
        inner.SetUid(DicomTags.ReferencedSOPInstanceUID, "1.2.3.9");
        var outer = new DicomDataset { UndefinedItemLength = true };
        outer.SetUid(DicomTags.ReferencedSOPClassUID, "1.2.840.10008.5.1.4.1.1.7");
        outer.SetSequence(DicomTags.ReferencedImageSequence, inner).UndefinedLength = true;
        ds.SetSequence(DicomTags.ReferencedStudySequence, outer).UndefinedLength = true;
        var defined = new DicomDataset();
        defined.SetString(DicomTags.CodeValue, "121");
        ds.SetSequence(DicomTags.ProcedureCodeSequence, defined);
        var creator = ds.ReservePrivateBlock(0x0009, "ACME 1.0");
        ds.SetBytes(DicomTag.Private(0x0009, creator, 0x01), DicomVR.OB, new byte[3000]);
        ds.SetString(DicomTags.PatientID, "P1");
        ds.SetUid(DicomTags.StudyInstanceUID, "1.2.3");
        ds.SetUInt16(DicomTags.Rows, 1);
        ds.SetBytes(DicomTags.PixelData, DicomVR.OW, new byte[4096]);
        return ds;
    }
}
