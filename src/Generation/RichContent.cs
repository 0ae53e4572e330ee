using Conformance.Dicom.Data;

namespace Conformance.Generation;

/// <summary>
/// What makes a RICH object rich: sequences (nested, empty, defined and undefined lengths), a
/// private block with its creator and elements of several VRs, and UTF-8 text (ISO_IR 192).
/// </summary>
internal static class RichContent
{
    public const ushort PrivateGroup = 0x0009;
    public const string PrivateCreator = "CONFORMANCE GENERATOR 1.0";

    public static void Add(DicomDataset dataset, long seed, InstancePlace place)
    {
        var otherIds = Enumerable.Range(0, 2).Select(i =>
        {
            var item = Item();
            Set(item, "PatientID", $"ALT{seed}-{place.Patient}-{i}");
            Set(item, "IssuerOfPatientID", i == 0 ? "Klinikum Süd" : "Hospital São José");
            Set(item, "TypeOfPatientID", "TEXT");
            return item;
        });
        dataset.SetSequence(DicomTags.OtherPatientIDsSequence, otherIds);

        dataset.SetSequence(DicomTags.ProcedureCodeSequence, Code("CTABD", "99CONF", "CT Abdomen – mit Kontrastmittel"));
        dataset.SetSequence(DicomTags.ReferencedPatientSequence);

        // Nested two levels deep, written with undefined lengths (sequence and items), the other
        // sequences with defined lengths: a reader must handle both kinds.
        var request = Item();
        request.UndefinedItemLength = true;
        Set(request, "RequestedProcedureID", $"RP{place.Study + 1}");
        Set(request, "ScheduledProcedureStepID", $"SPS{place.Series + 1}");
        var protocol = Code("P-ABD-01", "99CONF", "Protokoll Bauch «spezial»");
        protocol.UndefinedItemLength = true;
        var protocols = request.SetSequence(DicomTags.ScheduledProtocolCodeSequence, protocol);
        protocols.UndefinedLength = true;
        var requests = dataset.SetSequence(DicomTags.RequestAttributesSequence, request);
        requests.UndefinedLength = true;

        Set(dataset, "PatientComments", "Généré pour les tests.\r\nΔοκιμή – テスト – тест.");

        var block = dataset.ReservePrivateBlock(PrivateGroup, PrivateCreator);
        dataset.SetString(DicomTag.Private(PrivateGroup, block, 0x01), DicomVR.LO, "generated test object");
        dataset.SetUInt16(DicomTag.Private(PrivateGroup, block, 0x02), (ushort)(seed & 0x7FFF), (ushort)place.Instance);
        dataset.SetDouble(DicomTag.Private(PrivateGroup, block, 0x03), 3.25, -1.5);
        dataset.SetBytes(DicomTag.Private(PrivateGroup, block, 0x04), DicomVR.OB, new byte[] { 0xDE, 0xAD, 0xBE, 0xEF, 0x00, 0x01 });
        dataset.SetString(DicomTag.Private(PrivateGroup, block, 0x05), DicomVR.UT, "Private Text mit Umlauten: äöü ß");
    }

    private static DicomDataset Code(string value, string scheme, string meaning)
    {
        var item = Item();
        Set(item, "CodeValue", value);
        Set(item, "CodingSchemeDesignator", scheme);
        Set(item, "CodeMeaning", meaning);
        return item;
    }

    /// <summary>An item whose strings are encoded in the parent's character set (UTF-8), as PS3.5 6.1.2.5.3 has it.</summary>
    private static DicomDataset Item() => new() { InheritedCharacterSet = DicomCharacterSet.Utf8 };

    private static void Set(DicomDataset dataset, string keyword, string value) =>
        GeneratedDatasetBuilder.SetText(dataset, keyword, value);
}
