using System.Globalization;
using System.Text;
using Conformance.Dicom.Uids;

namespace Conformance.Generation;

/// <summary>
/// UIDs of generated objects, derived from the seed and the object's place in the hierarchy with the data
/// layer's <see cref="DicomUidGenerator.ForName"/> (UUID-derived, under 2.25, PS3.5 B.2). The same seed and
/// place always give the same UID, independent of how many objects are generated around it.
/// </summary>
public static class DeterministicUids
{
    public static string Derive(long seed, string role, params int[] path)
    {
        ArgumentNullException.ThrowIfNull(role);
        ArgumentNullException.ThrowIfNull(path);
        var name = new StringBuilder("conformance-generator/").Append(role);
        foreach (var index in path)
        {
            name.Append('/').Append(index.ToString(CultureInfo.InvariantCulture));
        }

        return new DicomUidGenerator(seed).ForName(name.ToString());
    }
}
