using Conformance.Dicom.Data;
using Conformance.Dicom.Query;

namespace Conformance.Unit.Tests.Dicom.Query;

public class QueryIdentifierTests
{
    [Test]
    public void Keys_are_parsed_from_keywords_and_from_group_element_pairs()
    {
        QueryIdentifier.ParseKey("PatientID=123").Should().Be((DicomTags.PatientID, DicomVR.LO, "123"));
        QueryIdentifier.ParseKey("0010,0010=DOE*").Should().Be((DicomTags.PatientName, DicomVR.PN, "DOE*"));
        QueryIdentifier.ParseKey("(0020,000D)").Should().Be((DicomTags.StudyInstanceUID, DicomVR.UI, ""));
    }

    [TestCase("NoSuchKeyword=1", "*not a keyword*")]
    [TestCase("00x0,0010=1", "*not a tag*")]
    public void Bad_keys_are_refused_with_a_clear_message(string text, string message)
    {
        var act = () => QueryIdentifier.ParseKey(text);

        act.Should().Throw<FormatException>().WithMessage(message);
    }

    [Test]
    public void Reading_an_identifier_gives_its_level_and_string_keys_only()
    {
        var identifier = new DicomDataset();
        identifier.SetString(DicomTags.QueryRetrieveLevel, "SERIES");
        identifier.SetString(DicomTags.SpecificCharacterSet, "ISO_IR 100");
        identifier.SetString(DicomTags.Modality, "CT");
        identifier.SetUInt16(DicomTags.Rows, 5);

        QueryIdentifier.ReadLevel(identifier).Should().Be(QueryLevel.Series);
        QueryIdentifier.ReadKeys(identifier).Should().Equal(new QueryKey(DicomTags.Modality.Value, "CT"));
    }

    [Test]
    public void A_response_carries_every_requested_key_with_the_stored_value_or_empty()
    {
        var request = new DicomDataset();
        request.SetString(DicomTags.PatientName, "");
        request.SetString(DicomTags.PatientID, "P*");
        request.SetString(DicomTags.AdmittingDiagnosesDescription, "");
        var row = new Dictionary<uint, string> { [DicomTags.PatientID.Value] = "P1", [DicomTags.PatientName.Value] = "DOE^J", [DicomTags.StudyDate.Value] = "20200101" };

        var response = QueryIdentifier.BuildResponse(request, row, QueryLevel.Patient);

        response.GetString(DicomTags.PatientID).Should().Be("P1");
        response.GetString(DicomTags.PatientName).Should().Be("DOE^J");
        response.GetString(DicomTags.AdmittingDiagnosesDescription).Should().BeEmpty();
        response.Contains(DicomTags.StudyDate).Should().BeFalse("only requested keys are returned");
        response.GetString(DicomTags.QueryRetrieveLevel).Should().Be("PATIENT");
    }
}
