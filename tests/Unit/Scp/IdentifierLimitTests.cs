using Conformance.Dicom.Data;
using Conformance.Dicom.Network.Dimse;
using Conformance.Dicom.Network.Services.Scu;
using Conformance.Dicom.Query;
using Conformance.Scp;
using Conformance.Scp.Storage;

namespace Conformance.Unit.Tests.Scp;

/// <summary>C-FIND/C-MOVE/C-GET identifiers are buffered up to DicomServerOptions.MaxIdentifierLength; beyond it the request is refused, the association goes on.</summary>
public class IdentifierLimitTests
{
    private DicomServer _server = null!;

    [SetUp]
    public async Task Start() =>
        _server = await DicomServer.StartAsync(new DicomServerOptions
        {
            AeTitle = "SCP", Storage = new MemoryInstanceStorage(), MaxIdentifierLength = 64 * 1024,
            MoveDestinations = [new MoveDestination("ANYWHERE", "127.0.0.1", 1)],
        });

    [TearDown]
    public async Task Stop() => await _server.DisposeAsync();

    [Test]
    public async Task A_C_FIND_identifier_over_the_limit_is_refused_A700()
    {
        var result = await Scu().FindAllAsync(QueryModel.PatientRoot, QueryLevel.Patient, Oversized());

        result.Status.Should().Be(DimseStatus.OutOfResources);
        result.ErrorComment.Should().Contain("identifier");
        (await Scu().EchoAsync()).Status.Should().Be(DimseStatus.Success);
    }

    [Test]
    public async Task A_C_MOVE_or_C_GET_identifier_over_the_limit_is_refused_A701()
    {
        var moved = await Scu().MoveAsync(QueryModel.PatientRoot, QueryLevel.Patient, Oversized(), "ANYWHERE");
        var got = await Scu().GetAsync(QueryModel.PatientRoot, QueryLevel.Patient, Oversized(), new MemoryInstanceStorage());

        moved.Status.Should().Be(DimseStatus.OutOfResourcesUnableToCalculateMatches);
        got.Status.Should().Be(DimseStatus.OutOfResourcesUnableToCalculateMatches);
    }

    [Test]
    public async Task An_identifier_within_the_limit_is_served()
    {
        var identifier = new DicomDataset();
        identifier.SetString(DicomTags.PatientID, "NOBODY");

        (await Scu().FindAllAsync(QueryModel.PatientRoot, QueryLevel.Patient, identifier)).Status.Should().Be(DimseStatus.Success);
    }

    private static DicomDataset Oversized()
    {
        var identifier = new DicomDataset();
        identifier.SetString(DicomTags.PatientID, "P1");
        identifier.SetString(DicomTags.PatientComments, new string('x', 100_000));
        return identifier;
    }

    private DicomScu Scu() => DicomServerStorageTests.Scu(_server);
}
