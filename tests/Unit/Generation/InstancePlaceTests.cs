using Conformance.Generation;

namespace Conformance.Unit.Tests.Generation;

public class InstancePlaceTests
{
    [Test]
    public void The_plan_is_patients_times_studies_times_series_times_count()
    {
        var options = new GenerationOptions { Patients = 3, StudiesPerPatient = 2, SeriesPerStudy = 4, Count = 5 };

        var places = InstancePlace.Enumerate(options).ToList();

        places.Should().HaveCount(3 * 2 * 4 * 5).And.OnlyHaveUniqueItems();
        options.TotalInstances.Should().Be(120);
        places.Select(p => p.Patient).Distinct().Should().HaveCount(3);
        places.Select(p => (p.Patient, p.Study)).Distinct().Should().HaveCount(6);
        places.Select(p => (p.Patient, p.Study, p.Series)).Distinct().Should().HaveCount(24);
        places.Select(p => p.FileName(GeneratedModality.CT)).Should().OnlyHaveUniqueItems().And.BeInAscendingOrder(StringComparer.Ordinal);
    }

    [TestCase(0, 1, 1, 1)]
    [TestCase(1, 0, 1, 1)]
    [TestCase(1, 1, 0, 1)]
    [TestCase(1, 1, 1, 0)]
    public void Options_below_one_are_rejected_by_name(int count, int patients, int studies, int series)
    {
        var options = new GenerationOptions { Count = count, Patients = patients, StudiesPerPatient = studies, SeriesPerStudy = series };

        options.Invoking(o => o.Validate()).Should().Throw<ArgumentException>().WithMessage("*must be at least 1*");
    }

    [Test]
    public void Frames_are_only_for_multi_frame_modalities()
    {
        new GenerationOptions { Modality = GeneratedModality.CT, Frames = 4 }
            .Invoking(o => o.Validate()).Should().Throw<ArgumentException>().WithMessage("*US*");
        new GenerationOptions { Modality = GeneratedModality.US, Frames = 4 }.Invoking(o => o.Validate()).Should().NotThrow();
    }
}
