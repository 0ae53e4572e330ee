using Conformance.Dicom.IO;

namespace Conformance.Unit.Tests.Dicom.IO;

public class DicomTransferSyntaxTests
{
    [TestCase("1.2.840.10008.1.2", false, false, false, false)]
    [TestCase("1.2.840.10008.1.2.1", true, false, false, false)]
    [TestCase("1.2.840.10008.1.2.2", true, true, false, false)]
    [TestCase("1.2.840.10008.1.2.1.99", true, false, true, false)]
    [TestCase("1.2.840.10008.1.2.4.50", true, false, false, true)]
    [TestCase("1.2.840.10008.1.2.4.70", true, false, false, true)]
    [TestCase("1.2.840.10008.1.2.4.80", true, false, false, true)]
    [TestCase("1.2.840.10008.1.2.4.90", true, false, false, true)]
    [TestCase("1.2.840.10008.1.2.4.201", true, false, false, true)]
    [TestCase("1.2.840.10008.1.2.4.203", true, false, false, true)]
    [TestCase("1.2.840.10008.1.2.4.112", true, false, false, true)]
    [TestCase("1.2.840.10008.1.2.4.102.1", true, false, false, true)]
    [TestCase("1.2.840.10008.1.2.4.108", true, false, false, true)]
    [TestCase("1.2.840.10008.1.2.5", true, false, false, true)]
    [TestCase("1.2.840.10008.1.2.4.94", true, false, false, false)]
    [TestCase("1.2.840.10008.1.2.4.95", true, false, true, false)]
    public void Registry_knows_encoding_of_each_syntax(string uid, bool explicitVR, bool bigEndian, bool deflated, bool encapsulated)
    {
        var ts = DicomTransferSyntax.Lookup(uid);

        ts.IsKnown.Should().BeTrue();
        (ts.IsExplicitVR, ts.IsBigEndian, ts.IsDeflated, ts.IsEncapsulated).Should().Be((explicitVR, bigEndian, deflated, encapsulated));
    }

    [Test]
    public void Registry_has_unique_UIDs_and_treats_unknown_ones_as_encapsulated_explicit_little_endian()
    {
        DicomTransferSyntax.All.Select(t => t.Uid).Should().OnlyHaveUniqueItems();
        var unknown = DicomTransferSyntax.Lookup("1.2.3.4.5\0");

        unknown.IsKnown.Should().BeFalse();
        unknown.Uid.Should().Be("1.2.3.4.5");
        (unknown.IsExplicitVR, unknown.IsBigEndian, unknown.IsEncapsulated).Should().Be((true, false, true));
        DicomTransferSyntax.TryLookup("1.2.840.10008.1.2.1\0", out var ts).Should().BeTrue();
        ts.Should().BeSameAs(DicomTransferSyntax.ExplicitVRLittleEndian);
    }

    [Test]
    public void Only_the_uncompressed_syntaxes_transcode_among_themselves()
    {
        DicomTransferSyntax.CanTranscode(DicomTransferSyntax.ImplicitVRLittleEndian, DicomTransferSyntax.ExplicitVRBigEndian).Should().BeTrue();
        DicomTransferSyntax.CanTranscode(DicomTransferSyntax.DeflatedExplicitVRLittleEndian, DicomTransferSyntax.ExplicitVRLittleEndian).Should().BeTrue();
        DicomTransferSyntax.CanTranscode(DicomTransferSyntax.JPEGBaseline8Bit, DicomTransferSyntax.JPEGBaseline8Bit).Should().BeTrue();
        DicomTransferSyntax.CanTranscode(DicomTransferSyntax.JPEGBaseline8Bit, DicomTransferSyntax.ExplicitVRLittleEndian).Should().BeFalse();
        DicomTransferSyntax.CanTranscode(DicomTransferSyntax.JPIPReferenced, DicomTransferSyntax.ExplicitVRLittleEndian).Should().BeFalse();
    }
}
