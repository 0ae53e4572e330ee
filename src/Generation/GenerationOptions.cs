namespace Conformance.Generation;

/// <summary>
/// What to generate. <see cref="Count"/> is the number of instances in each series, so a run makes
/// Patients x StudiesPerPatient x SeriesPerStudy x Count files.
/// </summary>
public sealed record GenerationOptions
{
    public GeneratedModality Modality { get; init; } = GeneratedModality.CT;

    public int Count { get; init; } = 1;

    public long Seed { get; init; } = 1;

    public int Patients { get; init; } = 1;

    public int StudiesPerPatient { get; init; } = 1;

    public int SeriesPerStudy { get; init; } = 1;

    /// <summary>Frames per object for multi-frame modalities (US); null keeps the template's default.</summary>
    public int? Frames { get; init; }

    /// <summary>Transfer syntax of the written files: one of <see cref="UncompressedSyntaxes"/>.</summary>
    public string TransferSyntaxUid { get; init; } = UncompressedSyntaxes.ExplicitLittleEndian;

    public int TotalInstances => checked(Patients * StudiesPerPatient * SeriesPerStudy * Count);

    /// <summary>Throws <see cref="ArgumentException"/> naming the first option out of range.</summary>
    public void Validate()
    {
        Require(Count >= 1, nameof(Count), Count);
        Require(Patients >= 1, nameof(Patients), Patients);
        Require(StudiesPerPatient >= 1, nameof(StudiesPerPatient), StudiesPerPatient);
        Require(SeriesPerStudy >= 1, nameof(SeriesPerStudy), SeriesPerStudy);
        if (Frames is { } frames)
        {
            Require(frames >= 1, nameof(Frames), frames);
            if (Modality != GeneratedModality.US && frames != 1)
            {
                throw new ArgumentException($"Frames applies to multi-frame modalities (US), not {Modality}.", nameof(Frames));
            }
        }

        if (!UncompressedSyntaxes.ByName.Any(pair => pair.Value == TransferSyntaxUid))
        {
            throw new ArgumentException($"The generator writes uncompressed syntaxes only, not {TransferSyntaxUid}.", nameof(TransferSyntaxUid));
        }

        _ = TotalInstances;
    }

    private static void Require(bool condition, string name, long value)
    {
        if (!condition)
        {
            throw new ArgumentException($"{name} must be at least 1 (was {value}).", name);
        }
    }
}
