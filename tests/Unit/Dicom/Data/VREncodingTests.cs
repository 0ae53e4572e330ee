using Conformance.Dicom.Data;
using Conformance.Dicom.Dictionary;
using Conformance.Dicom.IO;

namespace Conformance.Unit.Tests.Dicom.Data;

/// <summary>Every VR is encoded and decoded in every uncompressed syntax.</summary>
public class VREncodingTests
{
    private static readonly DicomTag Probe1 = new(0x0008, 0x0000);

    public static IEnumerable<TestCaseData> Cases() =>
        from vr in DicomVR.All.Where(v => v != DicomVR.SQ)
        from ts in TestData.UncompressedSyntaxes()
        select new TestCaseData(vr.Code, ts).SetArgDisplayNames(vr.Code, ts.Name);

    [TestCaseSource(nameof(Cases))]
    public void Value_of_each_VR_round_trips(string code, DicomTransferSyntax syntax)
    {
        var vr = DicomVR.Parse(code);
        var tag = TagWithVR(vr);
        var element = SampleElement(tag, vr);
        var ds = new DicomDataset();
        ds.Add(element);

        var bytes = DicomDatasetWriter.ToArray(ds, syntax);
        var back = DicomDatasetReader.Read(bytes, syntax);

        var read = back.GetValueElement(tag);
        read.VR.Should().Be(vr, "explicit VR carries it and implicit VR takes it from the dictionary");
        read.Value.GetMemory().ToArray().Should().Equal(element.Value.GetMemory().ToArray());
        DicomDatasetWriter.ToArray(back, syntax).Should().Equal(bytes);
        AssertDecodes(read, vr);
    }

    [TestCaseSource(nameof(HeaderCases))]
    public void Explicit_VR_header_uses_2_or_4_byte_length(string code, bool longLength)
    {
        var vr = DicomVR.Parse(code);
        var ds = new DicomDataset();
        ds.Add(new DicomValueElement(new DicomTag(0x0009, 0x1000), vr, new byte[vr.ByteSwapSize == 8 ? 8 : 4]));
        var le = DicomDatasetWriter.ToArray(ds, DicomTransferSyntax.ExplicitVRLittleEndian);
        var be = DicomDatasetWriter.ToArray(ds, DicomTransferSyntax.ExplicitVRBigEndian);
        var len = (byte)(vr.ByteSwapSize == 8 ? 8 : 4);

        var expectedLe = new RawBytes().Explicit(0x0009, 0x1000, code, len, longLength).Bytes(new byte[len]).ToArray();
        var expectedBe = new RawBytes(bigEndian: true).Explicit(0x0009, 0x1000, code, len, longLength).Bytes(new byte[len]).ToArray();
        le.Should().Equal(expectedLe);
        be.Should().Equal(expectedBe);
    }

    public static IEnumerable<TestCaseData> HeaderCases() =>
        DicomVR.All.Where(v => v != DicomVR.SQ).Select(v => new TestCaseData(v.Code, v.HasLongExplicitLength).SetArgDisplayNames(v.Code));

    [TestCase("US", new byte[] { 0x01, 0x02 }, new byte[] { 0x02, 0x01 })]
    [TestCase("AT", new byte[] { 0x10, 0x00, 0x20, 0x00 }, new byte[] { 0x00, 0x10, 0x00, 0x20 })]
    [TestCase("UL", new byte[] { 1, 2, 3, 4 }, new byte[] { 4, 3, 2, 1 })]
    [TestCase("FD", new byte[] { 1, 2, 3, 4, 5, 6, 7, 8 }, new byte[] { 8, 7, 6, 5, 4, 3, 2, 1 })]
    [TestCase("OV", new byte[] { 1, 2, 3, 4, 5, 6, 7, 8 }, new byte[] { 8, 7, 6, 5, 4, 3, 2, 1 })]
    [TestCase("OB", new byte[] { 1, 2, 3, 4 }, new byte[] { 1, 2, 3, 4 })]
    [TestCase("UN", new byte[] { 1, 2, 3, 4 }, new byte[] { 1, 2, 3, 4 })]
    public void Big_endian_swaps_values_by_VR_unit(string code, byte[] little, byte[] big)
    {
        var vr = DicomVR.Parse(code);
        var ds = new DicomDataset();
        ds.Add(new DicomValueElement(new DicomTag(0x0009, 0x1000), vr, little));
        var be = DicomDatasetWriter.ToArray(ds, DicomTransferSyntax.ExplicitVRBigEndian);

        be.AsSpan(be.Length - big.Length).ToArray().Should().Equal(big);
        DicomDatasetReader.Read(be, DicomTransferSyntax.ExplicitVRBigEndian).GetValueElement(new DicomTag(0x0009, 0x1000))
            .Value.GetMemory().ToArray().Should().Equal(little);
    }

    [Test]
    public void Strings_are_padded_to_even_length_with_the_VR_padding()
    {
        DicomValueEncoder.FromStrings(Probe1, DicomVR.UI, ["1.2.3"]).Value.GetMemory().ToArray().Should().Equal("1.2.3\0"u8.ToArray());
        DicomValueEncoder.FromStrings(Probe1, DicomVR.PN, ["Doe"]).Value.GetMemory().ToArray().Should().Equal("Doe "u8.ToArray());
        DicomValueEncoder.FromStrings(Probe1, DicomVR.CS, ["A", "BC"]).GetStrings().Should().Equal("A", "BC");
        DicomValueEncoder.FromStrings(Probe1, DicomVR.UI, ["1.2.3"]).GetString().Should().Be("1.2.3");
    }

    private static DicomTag TagWithVR(DicomVR vr) =>
        DicomDictionary.Entries.First(e => !e.IsRange && e.ValueRepresentations.Count == 1 && e.VR == vr && e.Tag.Group != 0x0002 && e.Tag.Element != 0).Tag;

    private static DicomValueElement SampleElement(DicomTag tag, DicomVR vr) => vr.Code switch
    {
        "AE" => DicomValueEncoder.FromStrings(tag, vr, ["STORESCP"]),
        "AS" => DicomValueEncoder.FromStrings(tag, vr, ["042Y"]),
        "CS" => DicomValueEncoder.FromStrings(tag, vr, ["ORIGINAL", "PRIMARY"]),
        "DA" => DicomValueEncoder.FromStrings(tag, vr, ["20240131"]),
        "DS" => DicomValueEncoder.FromStrings(tag, vr, ["1.5", "-2"]),
        "DT" => DicomValueEncoder.FromStrings(tag, vr, ["20240131123456.5"]),
        "IS" => DicomValueEncoder.FromStrings(tag, vr, ["42", "-7"]),
        "LO" or "SH" or "UC" => DicomValueEncoder.FromStrings(tag, vr, ["value one", "two"]),
        "LT" or "ST" or "UT" => DicomValueEncoder.FromStrings(tag, vr, ["text with \\ backslash"]),
        "PN" => DicomValueEncoder.FromStrings(tag, vr, ["Doe^John"]),
        "TM" => DicomValueEncoder.FromStrings(tag, vr, ["123456.789"]),
        "UI" => DicomValueEncoder.FromStrings(tag, vr, ["1.2.840.10008.1.2"]),
        "UR" => DicomValueEncoder.FromStrings(tag, vr, ["http://example.com/a"]),
        "AT" => DicomValueEncoder.FromAttributeTags(tag, new DicomTag(0x0010, 0x0020), new DicomTag(0x7FE0, 0x0010)),
        "FD" or "OD" => DicomValueEncoder.FromDouble(tag, vr, 1.25, -3e100),
        "FL" or "OF" => DicomValueEncoder.FromSingle(tag, vr, 1.25f, -2.5f),
        "OB" or "UN" => new DicomValueElement(tag, vr, new byte[] { 1, 2, 3, 0xFF }),
        "OL" or "UL" => DicomValueEncoder.FromUInt32(tag, vr, 1, 0xFFFFFFFE),
        "OV" or "UV" => DicomValueEncoder.FromUInt64(tag, vr, 1, ulong.MaxValue - 1),
        "OW" or "US" => DicomValueEncoder.FromUInt16(tag, vr, 1, 0xFFFE),
        "SL" => DicomValueEncoder.FromInt32(tag, vr, -1, int.MaxValue),
        "SS" => DicomValueEncoder.FromInt16(tag, vr, -2, 300),
        "SV" => DicomValueEncoder.FromInt64(tag, vr, -1, long.MaxValue),
        _ => throw new ArgumentOutOfRangeException(nameof(vr), vr.Code),
    };

    private static void AssertDecodes(DicomValueElement e, DicomVR vr)
    {
        switch (vr.Code)
        {
            case "CS": e.GetStrings().Should().Equal("ORIGINAL", "PRIMARY"); break;
            case "DS": e.GetDouble(1).Should().Be(-2); break;
            case "IS": e.GetInt32(1).Should().Be(-7); break;
            case "LT" or "ST" or "UT": e.GetStrings().Should().Equal("text with \\ backslash"); break;
            case "PN": e.GetString().Should().Be("Doe^John"); break;
            case "UI": e.GetString().Should().Be("1.2.840.10008.1.2"); break;
            case "AT": e.GetAttributeTag(1).Should().Be(new DicomTag(0x7FE0, 0x0010)); break;
            case "FD" or "OD": e.GetDouble(1).Should().Be(-3e100); break;
            case "FL" or "OF": e.GetSingle(1).Should().Be(-2.5f); break;
            case "UL" or "OL": e.GetUInt32(1).Should().Be(0xFFFFFFFE); break;
            case "UV" or "OV": e.GetUInt64(1).Should().Be(ulong.MaxValue - 1); break;
            case "US" or "OW": e.GetUInt16(1).Should().Be(0xFFFE); break;
            case "SL": e.GetInt32(1).Should().Be(int.MaxValue); break;
            case "SS": e.GetInt16(0).Should().Be(-2); break;
            case "SV": e.GetInt64(1).Should().Be(long.MaxValue); break;
            default: e.GetValueCount().Should().BeGreaterThan(0); break;
        }
    }
}
