using Conformance.Dicom.Data;
using Conformance.Dicom.IO;
using Conformance.Generation;

namespace Conformance.Harness.Scenarios.Seed2016;

/// <summary>
/// The study the 2016 scenario moves: CT images of 512x512x16 bits in series of <see cref="SeriesSize"/>, so that
/// the mechanism-B part can move its first series alone (about 1 s per image: 100 unless told otherwise).
/// </summary>
public sealed class Seed2016Study
{
    private Seed2016Study(ScenarioImages images, int seriesSize, string studyUid, string firstSeriesUid)
    {
        Images = images;
        SeriesSize = seriesSize;
        StudyUid = studyUid;
        FirstSeriesUid = firstSeriesUid;
    }

    public ScenarioImages Images { get; }

    public int SeriesSize { get; }

    public string StudyUid { get; }

    public string FirstSeriesUid { get; }

    public IReadOnlyList<string> FirstSeries => Images.Take(SeriesSize);

    /// <summary>Generates <paramref name="images"/> images; <paramref name="images"/> must be a multiple of <paramref name="mechanismBImages"/> or at most it.</summary>
    public static async Task<Seed2016Study> GenerateAsync(string directory, int images, int mechanismBImages, CancellationToken cancellationToken)
    {
        var seriesSize = Math.Min(images, mechanismBImages);
        if (images % seriesSize != 0)
        {
            throw new ArgumentException($"{images} images do not split into series of {seriesSize} (the mechanism-B part): choose a multiple.", nameof(images));
        }

        var options = new GenerationOptions { Modality = GeneratedModality.CT, Count = seriesSize, SeriesPerStudy = images / seriesSize, Seed = 2016 };
        var generated = await ScenarioImages.GenerateAsync(directory, options, cancellationToken).ConfigureAwait(false);
        var first = DicomFile.Open(generated.Files[0]).Dataset;
        return new Seed2016Study(generated, seriesSize, first.GetString(DicomTags.StudyInstanceUID), first.GetString(DicomTags.SeriesInstanceUID));
    }

    /// <summary>The files a run moves: the whole study, or the first series for mechanism B.</summary>
    public IReadOnlyList<string> FilesFor(FixSetting setting) => setting.MechanismB ? FirstSeries : Images.Files;
}
