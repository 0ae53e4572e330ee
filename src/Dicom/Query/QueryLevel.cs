namespace Conformance.Dicom.Query;

/// <summary>Query/Retrieve Level (0008,0052) values, PS3.4 C.6.</summary>
public enum QueryLevel
{
    Patient,
    Study,
    Series,
    Image,
}

public static class QueryLevelNames
{
    public static string ToDicom(this QueryLevel level) => level switch
    {
        QueryLevel.Patient => "PATIENT",
        QueryLevel.Study => "STUDY",
        QueryLevel.Series => "SERIES",
        _ => "IMAGE",
    };

    public static bool TryParse(string? value, out QueryLevel level)
    {
        switch (value?.Trim().ToUpperInvariant())
        {
            case "PATIENT": level = QueryLevel.Patient; return true;
            case "STUDY": level = QueryLevel.Study; return true;
            case "SERIES": level = QueryLevel.Series; return true;
            case "IMAGE": level = QueryLevel.Image; return true;
            default: level = default; return false;
        }
    }
}
