using System.Globalization;

namespace Conformance.Generation;

/// <summary>One generated instance's place in the patient/study/series hierarchy (all indices from 0).</summary>
public readonly record struct InstancePlace(int Patient, int Study, int Series, int Instance)
{
    /// <summary>A file name that sorts in hierarchy order, e.g. CT_p000_st00_se00_i0000.dcm.</summary>
    public string FileName(GeneratedModality modality) => string.Create(
        CultureInfo.InvariantCulture,
        $"{modality}_p{Patient:D3}_st{Study:D2}_se{Series:D2}_i{Instance:D4}.dcm");

    /// <summary>Every place of a run, in hierarchy order.</summary>
    public static IEnumerable<InstancePlace> Enumerate(GenerationOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        for (var patient = 0; patient < options.Patients; patient++)
        {
            for (var study = 0; study < options.StudiesPerPatient; study++)
            {
                for (var series = 0; series < options.SeriesPerStudy; series++)
                {
                    for (var instance = 0; instance < options.Count; instance++)
                    {
                        yield return new InstancePlace(patient, study, series, instance);
                    }
                }
            }
        }
    }
}
