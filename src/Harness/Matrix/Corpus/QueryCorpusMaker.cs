using Conformance.Dicom.Data;
using Conformance.Generation;

namespace Conformance.Harness.Matrix.Corpus;

/// <summary>Writes the <see cref="QueryCorpus"/>: generated objects given the patients' names, IDs, character sets and study dates.</summary>
internal static class QueryCorpusMaker
{
    private sealed record Patient(string Id, string CharacterSet, string Name, GenerationOptions Options, string[] StudyDates);

    private static readonly Patient[] Patients =
    [
        new(QueryCorpus.LatinPatient, "ISO_IR 100", "Müller^Jürgen", new GenerationOptions { Modality = GeneratedModality.MR, StudiesPerPatient = 2, SeriesPerStudy = 2, Count = 2, Seed = 701 }, ["20240115", "20241120"]),
        new(QueryCorpus.Utf8Patient, "ISO_IR 192", "Ødegård^Åse", new GenerationOptions { Modality = GeneratedModality.CT, Count = 2, Seed = 702 }, ["20230610"]),
        new(QueryCorpus.FragilePatient, "ISO_IR 100", "Fragile^Case", new GenerationOptions { Modality = GeneratedModality.SC, Count = 3, Seed = 703 }, ["20220101"]),
    ];

    public static async Task<QueryCorpus> MakeAsync(string directory, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(directory);
        var instances = new List<QueryInstance>();
        foreach (var patient in Patients)
        {
            foreach (var place in InstancePlace.Enumerate(patient.Options))
            {
                var file = TestDataGenerator.CreateFile(patient.Options, place);
                var dataset = file.Dataset;
                dataset.SetString(DicomTags.SpecificCharacterSet, patient.CharacterSet);
                dataset.SetString(DicomTags.PatientName, patient.Name);
                dataset.SetString(DicomTags.PatientID, patient.Id);
                dataset.SetString(DicomTags.StudyDate, patient.StudyDates[place.Study]);
                var path = Path.Combine(directory, $"{patient.Id}_{place.FileName(patient.Options.Modality)}");
                await file.SaveAsync(path, cancellationToken: cancellationToken).ConfigureAwait(false);
                instances.Add(QueryInstance.Read(path));
            }
        }

        return new QueryCorpus(instances);
    }
}
