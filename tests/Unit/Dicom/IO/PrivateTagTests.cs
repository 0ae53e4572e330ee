using Conformance.Dicom.Data;
using Conformance.Dicom.IO;

namespace Conformance.Unit.Tests.Dicom.IO;

public class PrivateTagTests
{
    [Test]
    public void Creators_reserve_blocks_and_data_elements_find_their_creator()
    {
        var ds = new DicomDataset();
        ds.SetString(new DicomTag(0x0029, 0x0010), "OTHER");

        var block = ds.ReservePrivateBlock(0x0029, "ACME 1.0");
        var tag = ds.GetOrReservePrivateTag(0x0029, "ACME 1.0", 0x01);
        ds.SetString(tag, DicomVR.LO, "secret");

        block.Should().Be(0x11, "block 10 is taken by OTHER");
        tag.Should().Be(new DicomTag(0x0029, 0x1101));
        ds.ReservePrivateBlock(0x0029, "ACME 1.0").Should().Be(0x11, "reserving again finds the same block");
        ds.GetPrivateCreator(tag).Should().Be("ACME 1.0");
        ds.GetPrivateCreator(new DicomTag(0x0029, 0x1201)).Should().BeNull();
        ds.GetString(new DicomTag(0x0029, 0x0011)).Should().Be("ACME 1.0");
    }

    [Test]
    public void Private_elements_survive_explicit_VR_and_become_UN_in_implicit_VR()
    {
        var ds = new DicomDataset();
        var tag = ds.GetOrReservePrivateTag(0x0009, "ACME 1.0", 0x02);
        ds.SetUInt16(tag, 7);

        var viaExplicit = DicomDatasetReader.Read(DicomDatasetWriter.ToArray(ds, DicomTransferSyntax.ExplicitVRLittleEndian), DicomTransferSyntax.ExplicitVRLittleEndian);
        var viaImplicit = DicomDatasetReader.Read(DicomDatasetWriter.ToArray(ds, DicomTransferSyntax.ImplicitVRLittleEndian), DicomTransferSyntax.ImplicitVRLittleEndian);

        viaExplicit.GetValueElement(tag).VR.Should().Be(DicomVR.US);
        viaExplicit.GetUInt16(tag).Should().Be(7);
        viaImplicit.GetValueElement(new DicomTag(0x0009, 0x0010)).VR.Should().Be(DicomVR.LO, "private creators are LO");
        viaImplicit.GetValueElement(tag).VR.Should().Be(DicomVR.UN, "unknown private data is UN");
        viaImplicit.GetValueElement(tag).Value.GetMemory().ToArray().Should().Equal(7, 0);
        viaImplicit.GetPrivateCreator(tag).Should().Be("ACME 1.0");
    }
}
