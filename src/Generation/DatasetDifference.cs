namespace Conformance.Generation;

/// <summary>What differs at one place of two data sets.</summary>
public enum DatasetDifferenceKind
{
    /// <summary>The element is only in the first data set.</summary>
    OnlyInFirst,

    /// <summary>The element is only in the second data set.</summary>
    OnlyInSecond,

    /// <summary>Same tag, different VR (value bytes compared separately).</summary>
    ValueRepresentation,

    /// <summary>Same tag, different value bytes (little-endian order, padding included).</summary>
    Value,

    /// <summary>Sequences or encapsulated pixel data with a different number of items or fragments.</summary>
    Structure,
}

/// <summary>One difference, at a path such as "(0040,0275)[0].(0040,0008)[0].(0008,0100)".</summary>
public sealed record DatasetDifference(string Path, DatasetDifferenceKind Kind, string Detail)
{
    public override string ToString() => $"{Path}: {Kind}: {Detail}";
}
