using Conformance.Dicom.Query;
using Conformance.Scp.Index;

namespace Conformance.Unit.Tests.Scp.Index;

public class SqliteInstanceIndexTests
{
    private SqliteInstanceIndex _index = null!;

    [SetUp]
    public async Task OpenAndFill()
    {
        _index = await SqliteInstanceIndex.OpenAsync(null, CancellationToken.None);
        await AddAsync("P1", "DOE^JOHN", "1.1", "20200110", "1.1.1", "CT", "1.1.1.1");
        await AddAsync("P1", "DOE^JOHN", "1.1", "20200110", "1.1.1", "CT", "1.1.1.2");
        await AddAsync("P1", "DOE^JOHN", "1.1", "20200110", "1.1.2", "MR", "1.1.2.1");
        await AddAsync("P2", "ROE^JANE", "2.1", "20210505", "2.1.1", "CT", "2.1.1.1");
    }

    [TearDown]
    public async Task Close() => await _index.DisposeAsync();

    [Test]
    public async Task Patient_root_patient_level_returns_one_row_per_patient()
    {
        var rows = await _index.FindAsync(QueryModel.PatientRoot, QueryLevel.Patient, [new(QueryAttributes.PatientName.Tag, "")], CancellationToken.None);

        rows.Select(r => r[QueryAttributes.PatientID.Tag]).Should().Equal("P1", "P2");
    }

    [Test]
    public async Task Study_root_study_level_matches_a_date_range_and_carries_patient_and_computed_attributes()
    {
        var rows = await _index.FindAsync(QueryModel.StudyRoot, QueryLevel.Study, [new(QueryAttributes.StudyDate.Tag, "20200101-20201231")], CancellationToken.None);

        rows.Should().ContainSingle();
        rows[0][QueryAttributes.StudyInstanceUID.Tag].Should().Be("1.1");
        rows[0][QueryAttributes.PatientName.Tag].Should().Be("DOE^JOHN");
        rows[0][QueryAttributes.ModalitiesInStudy.Tag].Should().Be("CT\\MR");
        rows[0][QueryAttributes.NumberOfStudyRelatedInstances.Tag].Should().Be("3");
    }

    [Test]
    public async Task Series_level_narrows_by_parent_UID_and_wildcard()
    {
        var rows = await _index.FindAsync(QueryModel.StudyRoot, QueryLevel.Series,
            [new(QueryAttributes.StudyInstanceUID.Tag, "1.1"), new(QueryAttributes.Modality.Tag, "M?")], CancellationToken.None);

        rows.Select(r => r[QueryAttributes.SeriesInstanceUID.Tag]).Should().Equal("1.1.2");
    }

    [Test]
    public async Task Retrieve_at_study_level_lists_every_instance_below_with_its_location()
    {
        var instances = await _index.FindInstancesAsync(QueryLevel.Study, [new(QueryAttributes.StudyInstanceUID.Tag, "1.1\\2.1")], CancellationToken.None);

        instances.Select(i => i.SopInstanceUid).Should().Equal("1.1.1.1", "1.1.1.2", "1.1.2.1", "2.1.1.1");
        instances[0].Location.Should().Be("loc/1.1.1.1");
    }

    [Test]
    public async Task Storing_an_instance_again_replaces_its_row()
    {
        await AddAsync("P1", "DOE^JOHN", "1.1", "20200110", "1.1.1", "CT", "1.1.1.1", location: "elsewhere");

        (await _index.CountInstancesAsync(CancellationToken.None)).Should().Be(4);
        var instances = await _index.FindInstancesAsync(QueryLevel.Image, [new(QueryAttributes.SOPInstanceUID.Tag, "1.1.1.1")], CancellationToken.None);
        instances.Should().ContainSingle().Which.Location.Should().Be("elsewhere");
    }

    [Test]
    public async Task Adds_through_the_reused_statements_carry_nothing_over_from_the_add_before()
    {
        // The writer prepares its statements once and only re-binds values: an attribute the next instance lacks
        // must be indexed empty, not with the previous instance's value; a moved instance prunes its old series.
        var lacking = Instance("P3", "ZOE^ANN", "3.1", "20220202", "3.1.1", "US", "3.1.1.1", "loc/3.1.1.1") with
        {
            Attributes = new Dictionary<uint, string>
            {
                [QueryAttributes.PatientID.Tag] = "P3",
                [QueryAttributes.StudyInstanceUID.Tag] = "3.1",
                [QueryAttributes.SeriesInstanceUID.Tag] = "3.1.1",
                [QueryAttributes.SOPInstanceUID.Tag] = "3.1.1.1",
                [QueryAttributes.SOPClassUID.Tag] = "1.2.840.10008.5.1.4.1.1.7",
            },
            Size = 123_456_789_012,
        };
        await _index.AddAsync(lacking, CancellationToken.None);
        await AddAsync("P2", "ROE^JANE", "2.1", "20210505", "2.1.9", "MR", "2.1.1.1");

        var study = await _index.FindAsync(QueryModel.StudyRoot, QueryLevel.Study, [new(QueryAttributes.StudyInstanceUID.Tag, "3.1"), new(QueryAttributes.StudyDate.Tag, "")], CancellationToken.None);
        study.Should().ContainSingle().Which[QueryAttributes.StudyDate.Tag].Should().BeEmpty();
        var patient = await _index.FindAsync(QueryModel.PatientRoot, QueryLevel.Patient, [new(QueryAttributes.PatientID.Tag, "P3"), new(QueryAttributes.PatientName.Tag, "")], CancellationToken.None);
        patient.Should().ContainSingle().Which[QueryAttributes.PatientName.Tag].Should().BeEmpty();
        var stored = await _index.FindInstancesAsync(QueryLevel.Image, [new(QueryAttributes.SOPInstanceUID.Tag, "3.1.1.1")], CancellationToken.None);
        stored.Should().ContainSingle().Which.Size.Should().Be(123_456_789_012);
        var series = await _index.FindAsync(QueryModel.StudyRoot, QueryLevel.Series, [new(QueryAttributes.StudyInstanceUID.Tag, "2.1"), new(QueryAttributes.SeriesInstanceUID.Tag, "")], CancellationToken.None);
        series.Select(r => r[QueryAttributes.SeriesInstanceUID.Tag]).Should().Equal("2.1.9");
    }

    [Test]
    public async Task Keys_below_the_query_level_are_ignored()
    {
        var rows = await _index.FindAsync(QueryModel.PatientRoot, QueryLevel.Patient, [new(QueryAttributes.Modality.Tag, "XX")], CancellationToken.None);

        rows.Should().HaveCount(2);
    }

    [Test]
    public async Task Study_root_has_no_patient_level()
    {
        var act = () => _index.FindAsync(QueryModel.StudyRoot, QueryLevel.Patient, [], CancellationToken.None);

        await act.Should().ThrowAsync<ArgumentException>().WithMessage("*no PATIENT level*");
    }

    [Test]
    public async Task A_file_index_keeps_its_rows_across_reopening()
    {
        var path = Path.Combine(Path.GetTempPath(), $"index-{Guid.NewGuid():N}.sqlite");
        try
        {
            await using (var index = await SqliteInstanceIndex.OpenAsync(path, CancellationToken.None))
            {
                await index.AddAsync(Instance("P9", "X", "9.1", "", "9.1.1", "OT", "9.1.1.1", "l"), CancellationToken.None);
            }

            await using var reopened = await SqliteInstanceIndex.OpenAsync(path, CancellationToken.None);
            (await reopened.CountInstancesAsync(CancellationToken.None)).Should().Be(1);
        }
        finally
        {
            foreach (var file in Directory.GetFiles(Path.GetTempPath(), Path.GetFileName(path) + "*"))
            {
                File.Delete(file);
            }
        }
    }

    private Task AddAsync(string patientId, string name, string study, string date, string series, string modality, string sop, string? location = null) =>
        _index.AddAsync(Instance(patientId, name, study, date, series, modality, sop, location ?? "loc/" + sop), CancellationToken.None);

    private static IndexedInstance Instance(string patientId, string name, string study, string date, string series, string modality, string sop, string location) =>
        new(new Dictionary<uint, string>
        {
            [QueryAttributes.PatientID.Tag] = patientId,
            [QueryAttributes.PatientName.Tag] = name,
            [QueryAttributes.StudyInstanceUID.Tag] = study,
            [QueryAttributes.StudyDate.Tag] = date,
            [QueryAttributes.SeriesInstanceUID.Tag] = series,
            [QueryAttributes.Modality.Tag] = modality,
            [QueryAttributes.SOPInstanceUID.Tag] = sop,
            [QueryAttributes.SOPClassUID.Tag] = "1.2.840.10008.5.1.4.1.1.7",
        }, "1.2.840.10008.1.2.1", location, 10);
}
