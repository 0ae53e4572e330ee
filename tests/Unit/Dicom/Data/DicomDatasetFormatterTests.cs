using Conformance.Dicom.Data;

namespace Conformance.Unit.Tests.Dicom.Data;

public class DicomDatasetFormatterTests
{
    [Test]
    public void Dump_shows_tags_VRs_values_and_nesting()
    {
        var text = DicomDatasetFormatter.Format(TestData.RichDataset());

        text.Should().Contain("(0010,0010) PN [Müller^Hans] #12 PatientName");
        text.Should().Contain("(0028,0010) US [2] #2 Rows");
        text.Should().Contain("(0008,1140) SQ (2 item(s), defined length) ReferencedImageSequence");
        text.Should().Contain("    (0008,1155) UI [1.2.3.4] #8 ReferencedSOPInstanceUID");
        text.Should().Contain("(7FE0,0010) OW [1\\2\\3\\65534] #8 PixelData");
    }
}
