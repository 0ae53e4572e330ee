namespace Conformance.Dicom.Query;

/// <summary>A matching or return key of a query identifier: tag and its value as text ("" = universal).</summary>
public sealed record QueryKey(uint Tag, string Value);
