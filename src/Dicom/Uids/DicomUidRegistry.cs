using System.Collections.Frozen;

namespace Conformance.Dicom.Uids;

/// <summary>
/// The UID registry of PS3.6 Annex A, generated (<c>DicomUidRegistryData.g.cs</c>, by tools/uid-registry-generator
/// from the edition its header names): lookup by UID, and the storage SOP classes an SCP accepts for C-STORE.
/// </summary>
public static class DicomUidRegistry
{
    private static readonly FrozenDictionary<string, DicomUidEntry> ByUid =
        DicomUidRegistryData.Create().ToFrozenDictionary(e => e.Uid, StringComparer.Ordinal);

    /// <summary>Every registered UID, in UID order.</summary>
    public static IReadOnlyList<DicomUidEntry> All { get; } = [.. DicomUidRegistryData.Create()];

    /// <summary>Every storage SOP class, retired ones included (older modalities still send them).</summary>
    public static IReadOnlyList<string> StorageSopClasses { get; } = All.Where(e => e.IsStorageSopClass).Select(e => e.Uid).ToList();

    /// <summary>SHA-256 of the registry file the generated data came from (see its header for the package edition).</summary>
    public static string SourceSha256 => DicomUidRegistryData.SourceSha256;

    public static bool TryGet(string uid, out DicomUidEntry entry)
    {
        ArgumentNullException.ThrowIfNull(uid);
        return ByUid.TryGetValue(uid, out entry!);
    }

    public static bool IsStorageSopClass(string uid) => TryGet(uid, out var entry) && entry.IsStorageSopClass;
}
