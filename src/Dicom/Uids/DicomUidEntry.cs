namespace Conformance.Dicom.Uids;

/// <summary>
/// One UID of the registry of PS3.6 Annex A: its name and keyword, its type ("SOP Class", "Transfer Syntax", ...),
/// whether it is retired, and whether it is a storage SOP class (a C-STORE abstract syntax, PS3.4 Annex B).
/// </summary>
public sealed record DicomUidEntry(string Uid, string Name, string Keyword, string Type, bool IsRetired, bool IsStorageSopClass);
