using Conformance.Dicom.Data;
using Conformance.Dicom.Query;

namespace Conformance.Harness.Sut;

/// <summary>One query key: an attribute keyword and its value ("" asks for it as a return key).</summary>
public sealed record QueryKeyValue(string Keyword, string Value);

/// <summary>
/// A C-FIND/C-MOVE/C-GET identifier, independent of any implementation: information model, level, keys and
/// the Specific Character Set the keys are written in (null: the default repertoire).
/// </summary>
public sealed record QuerySpec(QueryModel Model, QueryLevel Level, IReadOnlyList<QueryKeyValue> Keys)
{
    public string? CharacterSet { get; init; }

    public string ModelName => Model == QueryModel.PatientRoot ? "patient-root" : "study-root";

    /// <summary>The identifier as a data set (Query/Retrieve Level and the character set included).</summary>
    public DicomDataset ToDataset()
    {
        var dataset = new DicomDataset();
        if (CharacterSet is not null)
        {
            dataset.SetString(DicomTags.SpecificCharacterSet, CharacterSet);
        }

        dataset.SetString(DicomTags.QueryRetrieveLevel, Level.ToDicom());
        foreach (var key in Keys)
        {
            var tag = DicomTag.FromKeyword(key.Keyword);
            dataset.SetString(tag, key.Value);
        }

        return dataset;
    }

    public override string ToString() => $"{ModelName} {Level.ToDicom()} {string.Join(' ', Keys.Select(k => $"{k.Keyword}={k.Value}"))}";
}
