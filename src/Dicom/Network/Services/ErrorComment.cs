namespace Conformance.Dicom.Network.Services;

/// <summary>Error Comment (0000,0902) is LO: at most 64 characters.</summary>
public static class ErrorComment
{
    public const int MaxLength = 64;

    public static string? Fit(string? text) => text is null || text.Length <= MaxLength ? text : text[..MaxLength];
}
