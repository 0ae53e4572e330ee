using Conformance.Dicom.Data;
using Conformance.Dicom.IO;

namespace Conformance.Unit.Tests.Dicom.IO;

public class TranscodeTests
{
    public static IEnumerable<TestCaseData> Chains()
    {
        var all = TestData.UncompressedSyntaxes().ToArray();
        foreach (var start in all)
        {
            foreach (var middle in all.Where(m => !m.Equals(start)))
            {
                foreach (var third in all.Where(t => !t.Equals(middle)))
                {
                    yield return new TestCaseData(new object[] { new[] { start, middle, third, start } })
                        .SetArgDisplayNames(string.Join(" > ", new[] { start, middle, third, start }.Select(Short)));
                }
            }
        }
    }

    [TestCaseSource(nameof(Chains))]
    public void Transcode_chain_ending_at_the_original_syntax_gives_the_original_bytes(DicomTransferSyntax[] chain)
    {
        var original = TestData.FileBytes(TestData.RichDataset(), chain[0]);
        var current = original;
        foreach (var next in chain.Skip(1))
        {
            var file = DicomFile.Read(current);
            file.ChangeTransferSyntax(next);
            var ms = new MemoryStream();
            file.Write(ms);
            current = ms.ToArray();
        }

        if (chain[0].IsDeflated)
        {
            // Our deflater is deterministic, so even re-deflated output matches.
            DicomFile.Read(current).Dataset.GetString(DicomTags.PatientName).Should().Be("Müller^Hans");
        }

        current.Should().Equal(original);
    }

    [Test]
    public void Converting_to_the_same_syntax_changes_nothing()
    {
        var original = TestData.FileBytes(TestData.RichDataset(), DicomTransferSyntax.ExplicitVRBigEndian);
        var file = DicomFile.Read(original);

        file.ChangeTransferSyntax(DicomTransferSyntax.ExplicitVRBigEndian);
        var ms = new MemoryStream();
        file.Write(ms);

        ms.ToArray().Should().Equal(original);
    }

    [Test]
    public void Group_lengths_are_kept_as_read_and_recalculated_on_transcode()
    {
        var ds = new DicomDataset();
        ds.AddOrUpdate(DicomValueEncoder.FromUInt32(new DicomTag(0x0010, 0x0000), DicomVR.UL, 999)); // wrong on purpose
        ds.SetString(DicomTags.PatientName, "Doe");
        ds.SetString(DicomTags.PatientID, "12");
        var bytes = TestData.FileBytes(ds, DicomTransferSyntax.ExplicitVRLittleEndian);

        var same = new MemoryStream();
        DicomFile.Read(bytes).Write(same);
        var converted = DicomFile.Read(bytes);
        converted.ChangeTransferSyntax(DicomTransferSyntax.ImplicitVRLittleEndian);
        var implicitBytes = new MemoryStream();
        converted.Write(implicitBytes);

        same.ToArray().Should().Equal(bytes);
        DicomFile.Read(implicitBytes.ToArray()).Dataset.GetUInt32(new DicomTag(0x0010, 0x0000)).Should().Be(12u + 10u, "implicit headers are 8 bytes: PN 'Doe ' and LO '12'");
    }

    [Test]
    public void Transcoded_file_meta_names_our_implementation()
    {
        var file = DicomFile.Read(TestData.FileBytes(TestData.RichDataset(), DicomTransferSyntax.ExplicitVRLittleEndian));

        file.ChangeTransferSyntax(DicomTransferSyntax.ImplicitVRLittleEndian);

        file.FileMetaInformation.GetUid(DicomTags.TransferSyntaxUID).Should().Be(DicomTransferSyntax.ImplicitVRLittleEndian.Uid);
        file.FileMetaInformation.GetUid(DicomTags.ImplementationClassUID).Should().Be(Conformance.Dicom.DicomImplementation.ClassUid);
    }

    private static string Short(DicomTransferSyntax ts) =>
        ts.IsDeflated ? "deflated" : ts.IsBigEndian ? "explicit-be" : ts.IsExplicitVR ? "explicit-le" : "implicit-le";
}
