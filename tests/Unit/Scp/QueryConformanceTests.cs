using Conformance.Dicom.Data;
using Conformance.Dicom.Network.Dimse;
using Conformance.Dicom.Network.Services.Scu;
using Conformance.Dicom.Network.Services.Storage;
using Conformance.Dicom.Query;
using Conformance.Scp;
using Conformance.Scp.Storage;

namespace Conformance.Unit.Tests.Scp;

/// <summary>
/// C-FIND/C-MOVE/C-GET as PS3.4 C.4 asks: values come back in a character set that holds them, declared in (0008,0005);
/// a key the SCP cannot match on makes the pending responses FF01; without relational negotiation the identifier must
/// carry the unique keys of the levels above (single values), and a retrieve the unique key of its own level.
/// </summary>
public class QueryConformanceTests
{
    private const string Study = "1.2.826.0.1.3680043.10.1137.90";
    private const string GreekName = "Γιάννης^Παπαδόπουλος";
    private DicomServer _server = null!;

    [SetUp]
    public async Task StartAndFill()
    {
        _server = await DicomServer.StartAsync(new DicomServerOptions
        {
            AeTitle = "QR", Storage = new MemoryInstanceStorage(), MoveDestinations = [new MoveDestination("SELF", "127.0.0.1", 1)],
        });
        var greek = ServerTestObjects.Image("PGR", Study, 1);
        greek.SetString(DicomTags.SpecificCharacterSet, "ISO_IR 192");
        greek.SetString(DicomTags.PatientName, GreekName);
        var other = ServerTestObjects.Image("POT", Study + ".2", 1);
        (await Scu().StoreAsync([new DatasetStoreItem(greek), new DatasetStoreItem(other)])).AllSucceeded.Should().BeTrue();
    }

    [TearDown]
    public async Task Stop() => await _server.DisposeAsync();

    [Test]
    public async Task Stored_non_Latin_names_come_back_intact_with_the_character_set_that_holds_them()
    {
        var identifier = Keys((DicomTags.PatientID, "PGR"), (DicomTags.PatientName, ""));

        var match = (await Scu().FindAllAsync(QueryModel.PatientRoot, QueryLevel.Patient, identifier)).Matches.Should().ContainSingle().Subject;

        match.GetString(DicomTags.PatientName).Should().Be(GreekName);
        match.GetString(DicomTags.SpecificCharacterSet).Should().Be("ISO_IR 192");
    }

    [Test]
    public async Task The_requests_character_set_is_kept_when_it_holds_the_values()
    {
        var identifier = Keys((DicomTags.SpecificCharacterSet, "ISO_IR 100"), (DicomTags.PatientID, "POT"), (DicomTags.PatientName, ""));

        var match = (await Scu().FindAllAsync(QueryModel.PatientRoot, QueryLevel.Patient, identifier)).Matches.Should().ContainSingle().Subject;

        match.GetString(DicomTags.SpecificCharacterSet).Should().Be("ISO_IR 100");
        match.GetString(DicomTags.PatientName).Should().Be("TEST^POT");
    }

    [Test]
    public async Task A_key_the_index_cannot_match_makes_the_pending_responses_FF01()
    {
        var identifier = Keys((DicomTags.PatientID, "PGR"), (DicomTags.PatientAge, "045Y"));

        var query = await Scu().StartFindAsync(QueryModel.PatientRoot, QueryLevel.Patient, identifier);
        await using (query)
        {
            await foreach (var _ in query.ReadAllAsync())
            {
            }
        }

        query.FinalStatus.Should().Be(DimseStatus.Success);
        query.PendingStatuses.Should().Equal(DimseStatus.PendingWithOptionalKeysUnsupported);
    }

    [Test]
    public async Task A_keys_without_the_unique_keys_above_the_level_is_a_relational_query_and_refused()
    {
        var image = await Scu().FindAllAsync(QueryModel.PatientRoot, QueryLevel.Image, Keys((DicomTags.PatientID, "P*"), (DicomTags.SOPInstanceUID, "")));
        var series = await Scu().FindAllAsync(QueryModel.StudyRoot, QueryLevel.Series, Keys((DicomTags.Modality, "OT")));

        image.Status.Should().Be(DimseStatus.IdentifierDoesNotMatchSopClass, image.ErrorComment);
        image.ErrorComment.Should().Contain("PatientID");
        series.Status.Should().Be(DimseStatus.IdentifierDoesNotMatchSopClass, series.ErrorComment);
        series.Matches.Should().BeEmpty();
    }

    [Test]
    public async Task A_hierarchical_query_with_the_unique_keys_above_is_served()
    {
        var identifier = Keys((DicomTags.PatientID, "PGR"), (DicomTags.StudyInstanceUID, Study), (DicomTags.SeriesInstanceUID, ""));

        var result = await Scu().FindAllAsync(QueryModel.PatientRoot, QueryLevel.Series, identifier);

        result.Status.Should().Be(DimseStatus.Success);
        result.Matches.Should().ContainSingle();
    }

    [Test]
    public async Task A_retrieve_without_the_unique_key_of_its_level_moves_nothing_and_is_refused()
    {
        var moved = await Scu().MoveAsync(QueryModel.PatientRoot, QueryLevel.Study, Keys((DicomTags.PatientID, "PGR")), "SELF");
        var got = await Scu().GetAsync(QueryModel.StudyRoot, QueryLevel.Series, Keys((DicomTags.StudyInstanceUID, Study)), new MemoryInstanceStorage());

        moved.Status.Should().Be(DimseStatus.IdentifierDoesNotMatchSopClass, moved.ErrorComment);
        (moved.Completed + moved.Failed).Should().Be(0);
        got.Status.Should().Be(DimseStatus.IdentifierDoesNotMatchSopClass, got.ErrorComment);
        got.ReceivedLocations.Should().BeEmpty();
    }

    private DicomScu Scu() => DicomServerStorageTests.Scu(_server, "QR");

    private static DicomDataset Keys(params (DicomTag Tag, string Value)[] keys)
    {
        var identifier = new DicomDataset();
        foreach (var (tag, value) in keys)
        {
            identifier.SetString(tag, value);
        }

        return identifier;
    }
}
