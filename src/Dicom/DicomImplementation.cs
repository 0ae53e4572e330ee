namespace Conformance.Dicom;

/// <summary>
/// Identity of this DICOM implementation, sent in A-ASSOCIATE user information (PS3.7 D.3.3.2)
/// and written to file meta information (PS3.10 7.1).
/// </summary>
public static class DicomImplementation
{
    /// <summary>UUID-derived UID under the 2.25 root (PS3.5 B.2); no registered root is needed.</summary>
    public const string ClassUid = "2.25.339502381983693131197412604919934623078";

    /// <summary>At most 16 characters (PS3.7 D.3.3.2.4).</summary>
    public const string VersionName = "CONFORMANCE_0_1";
}
