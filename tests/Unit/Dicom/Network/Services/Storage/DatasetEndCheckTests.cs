using Conformance.Dicom.Data;
using Conformance.Dicom.IO;
using Conformance.Dicom.Network.Services.Storage;

namespace Conformance.Unit.Tests.Dicom.Network.Services.Storage;

public class DatasetEndCheckTests
{
    private static IEnumerable<TestCaseData> Syntaxes() =>
        new[] { DicomTransferSyntax.ExplicitVRLittleEndian, DicomTransferSyntax.ImplicitVRLittleEndian, DicomTransferSyntax.ExplicitVRBigEndian }
            .Select(s => new TestCaseData(s).SetArgDisplayNames(s.Uid));

    [TestCaseSource(nameof(Syntaxes))]
    public void Every_cut_is_truncation_except_at_a_top_level_element_boundary(DicomTransferSyntax syntax)
    {
        var dataset = WithNestedSequences(encapsulated: syntax == DicomTransferSyntax.ExplicitVRLittleEndian);
        var bytes = DicomDatasetWriter.ToArray(dataset, syntax);
        var boundaries = TopLevelBoundaries(dataset, syntax);

        var wrong = new List<string>();
        for (var cut = 0; cut <= bytes.Length; cut++)
        {
            foreach (var fragment in new[] { 1, 5, int.MaxValue })
            {
                var truncation = Check(syntax, bytes.AsSpan(0, cut), fragment);
                if ((truncation is null) != boundaries.Contains(cut))
                {
                    wrong.Add($"cut {cut} (fragments of {fragment}): {truncation ?? "complete"}");
                }
            }
        }

        boundaries.Should().Contain(bytes.Length);
        wrong.Should().BeEmpty();
    }

    [Test]
    public void Reports_what_is_missing()
    {
        var bytes = DicomDatasetWriter.ToArray(WithNestedSequences(encapsulated: false), DicomTransferSyntax.ExplicitVRLittleEndian);

        Check(DicomTransferSyntax.ExplicitVRLittleEndian, bytes.AsSpan(0, bytes.Length - 3), int.MaxValue).Should().Be("data set truncated inside an element: 3 bytes of its value missing");
        Check(DicomTransferSyntax.ExplicitVRLittleEndian, bytes.AsSpan(0, 5), int.MaxValue).Should().Be("data set truncated inside an element header (5 bytes of it received)");
    }

    [Test]
    public void A_deflated_data_set_is_inflated_while_following_and_every_cut_of_it_is_truncation()
    {
        var deflated = DicomDatasetWriter.ToArray(WithNestedSequences(encapsulated: true), DicomTransferSyntax.DeflatedExplicitVRLittleEndian);
        var wrong = new List<string>();
        // The last byte may be the padding to even length (PS3.5 A.5), after the deflate stream's end: cutting it loses nothing.
        for (var cut = 0; cut < deflated.Length - 1; cut++)
        {
            foreach (var fragment in new[] { 1, 7, int.MaxValue })
            {
                if (Check(DicomTransferSyntax.DeflatedExplicitVRLittleEndian, deflated.AsSpan(0, cut), fragment) is null)
                {
                    wrong.Add($"cut {cut} of {deflated.Length} (fragments of {fragment}): complete");
                }
            }
        }

        wrong.Should().BeEmpty();
        Check(DicomTransferSyntax.DeflatedExplicitVRLittleEndian, deflated, 7).Should().BeNull();
        Check(DicomTransferSyntax.DeflatedExplicitVRLittleEndian, deflated.AsSpan(0, deflated.Length / 2), int.MaxValue)
            .Should().Be("deflated data set truncated: its deflate stream ends before the final block");
    }

    [Test]
    public void A_complete_deflate_stream_whose_inflated_data_set_ends_inside_an_element_is_truncation()
    {
        var bytes = DicomDatasetWriter.ToArray(WithNestedSequences(encapsulated: false), DicomTransferSyntax.ExplicitVRLittleEndian);
        using var compressed = new MemoryStream();
        using (var deflate = new System.IO.Compression.DeflateStream(compressed, System.IO.Compression.CompressionLevel.Optimal, leaveOpen: true))
        {
            deflate.Write(bytes.AsSpan(0, bytes.Length - 3));
        }

        Check(DicomTransferSyntax.DeflatedExplicitVRLittleEndian, compressed.ToArray(), 5).Should().Be("data set truncated inside an element: 3 bytes of its value missing");
    }

    [Test]
    public void What_it_cannot_follow_is_never_called_truncated()
    {
        // Bytes that are no deflate stream at all: the reader of the file judges them.
        Check(DicomTransferSyntax.DeflatedExplicitVRLittleEndian, [0xFF, 0xFF, 0xFF, 0xFF, 0x00, 0x01], int.MaxValue).Should().BeNull();
        // (0008,0016) with "??" where the VR should be, then a cut: the reader of the file judges it, not this check.
        Check(DicomTransferSyntax.ExplicitVRLittleEndian, [0x08, 0x00, 0x16, 0x00, (byte)'?', (byte)'?', 0x08, 0x00, 0x31], int.MaxValue).Should().BeNull();
    }

    private static string? Check(DicomTransferSyntax syntax, ReadOnlySpan<byte> bytes, int fragment)
    {
        using var check = new DatasetEndCheck(syntax);
        for (var offset = 0; offset < bytes.Length; offset += fragment)
        {
            check.Append(bytes.Slice(offset, Math.Min(fragment, bytes.Length - offset)));
        }

        return check.Truncation;
    }

    private static HashSet<int> TopLevelBoundaries(DicomDataset dataset, DicomTransferSyntax syntax)
    {
        var boundaries = new HashSet<int> { 0 };
        var prefix = new DicomDataset();
        foreach (var element in dataset)
        {
            prefix.Add(element);
            boundaries.Add(DicomDatasetWriter.ToArray(prefix, syntax).Length);
        }

        return boundaries;
    }

    // Undefined-length sequences and items (nested), a defined-length sequence, a private OB, and pixel data (encapsulated
    // when asked: items of defined length inside an undefined-length element).
    private static DicomDataset WithNestedSequences(bool encapsulated)
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
        ds.SetBytes(DicomTag.Private(0x0009, creator, 0x01), DicomVR.OB, new byte[30]);
        ds.SetString(DicomTags.PatientID, "P1");
        if (encapsulated)
        {
            ds.Add(DicomFragmentSequence.FromFrames(DicomTags.PixelData, [new byte[10], new byte[7]], withOffsetTable: true));
        }
        else
        {
            ds.SetBytes(DicomTags.PixelData, DicomVR.OW, new byte[64]);
        }

        return ds;
    }
}
