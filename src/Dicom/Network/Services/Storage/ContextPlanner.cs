namespace Conformance.Dicom.Network.Services.Storage;

/// <summary>An abstract syntax with the transfer syntaxes proposed for it, in preference order.</summary>
public sealed record PlannedContext(string AbstractSyntax, IReadOnlyList<string> TransferSyntaxes);

/// <summary>The contexts of one association and the indices of the objects it will carry.</summary>
public sealed record PlannedAssociation(IReadOnlyList<PlannedContext> Contexts, IReadOnlyList<int> ObjectIndices);

/// <summary>
/// Plans presentation contexts for a set of objects to send (PS3.8 9.3.2.2): one context per
/// (SOP class, transfer syntax of the object), offering the other uncompressed syntaxes as fallbacks
/// (we can transcode among those), at most <see cref="MaxContextsPerAssociation"/> contexts per
/// association; all contexts of one SOP class stay on the same association.
/// </summary>
public static class ContextPlanner
{
    /// <summary>Presentation context IDs are odd numbers 1-255: 128 per association.</summary>
    public const int MaxContextsPerAssociation = 128;

    public const string ImplicitVRLittleEndian = "1.2.840.10008.1.2";
    public const string ExplicitVRLittleEndian = "1.2.840.10008.1.2.1";
    public const string ExplicitVRBigEndian = "1.2.840.10008.1.2.2";

    private static readonly string[] Uncompressed = [ExplicitVRLittleEndian, ImplicitVRLittleEndian, ExplicitVRBigEndian];

    public static bool IsUncompressed(string transferSyntax) => Uncompressed.Contains(transferSyntax);

    public static IReadOnlyList<PlannedAssociation> Plan(
        IReadOnlyList<(string SopClassUid, string TransferSyntaxUid)> objects, int maxContexts = MaxContextsPerAssociation)
    {
        ArgumentNullException.ThrowIfNull(objects);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxContexts, 1);
        var bySopClass = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        var order = new List<string>();
        for (var i = 0; i < objects.Count; i++)
        {
            if (!bySopClass.TryGetValue(objects[i].SopClassUid, out var list))
            {
                bySopClass[objects[i].SopClassUid] = list = [];
                order.Add(objects[i].SopClassUid);
            }

            list.Add(i);
        }

        var associations = new List<PlannedAssociation>();
        var contexts = new List<PlannedContext>();
        var indices = new List<int>();
        foreach (var sopClass in order)
        {
            var classContexts = bySopClass[sopClass]
                .Select(i => objects[i].TransferSyntaxUid)
                .Distinct(StringComparer.Ordinal)
                .Select(ts => new PlannedContext(sopClass, Proposals(ts)))
                .ToList();
            if (classContexts.Count > maxContexts)
            {
                throw new ArgumentException($"SOP class {sopClass} needs {classContexts.Count} contexts; one association holds {maxContexts}.", nameof(objects));
            }

            if (contexts.Count + classContexts.Count > maxContexts)
            {
                associations.Add(new PlannedAssociation(contexts, indices));
                contexts = [];
                indices = [];
            }

            contexts.AddRange(classContexts);
            indices.AddRange(bySopClass[sopClass]);
        }

        if (contexts.Count > 0)
        {
            associations.Add(new PlannedAssociation(contexts, indices));
        }

        return associations.Select(a => a with { ObjectIndices = a.ObjectIndices.Order().ToList() }).ToList();
    }

    private static IReadOnlyList<string> Proposals(string transferSyntax) =>
        IsUncompressed(transferSyntax)
            ? [transferSyntax, .. Uncompressed.Where(t => t != transferSyntax && t != ExplicitVRBigEndian)]
            : [transferSyntax];
}
