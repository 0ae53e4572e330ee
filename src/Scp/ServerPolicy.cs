using Conformance.Dicom.IO;
using Conformance.Dicom.Network.Association.Negotiation;
using Conformance.Dicom.Query;
using Conformance.Dicom.Uids;

namespace Conformance.Scp;

/// <summary>
/// What the SCP accepts: Verification and the six query/retrieve SOP classes in the uncompressed little endian
/// syntaxes; the storage SOP classes of the UID registry (PS3.6 Annex A, generated) and the configured private ones in
/// every transfer syntax we know (objects are stored as received), explicit VR little endian preferred. Any other
/// abstract syntax (worklist, storage commitment, ...) is rejected "abstract syntax not supported" (PS3.8 9.3.3.2).
/// </summary>
internal static class ServerPolicy
{
    private static readonly string[] LittleEndian = [NegotiationUids.ExplicitVrLittleEndian, NegotiationUids.ImplicitVrLittleEndian];

    public static AcceptancePolicy Create(DicomServerOptions options)
    {
        var storageSyntaxes = LittleEndian
            .Concat(DicomTransferSyntax.All.Select(s => s.Uid).Where(u => !LittleEndian.Contains(u)))
            .ToList();
        List<AbstractSyntaxPolicy> accepted = [new(NegotiationUids.Verification, LittleEndian)];
        foreach (var model in Enum.GetValues<QueryModel>())
        {
            accepted.Add(new(QuerySopClass.Find(model), LittleEndian));
            accepted.Add(new(QuerySopClass.Move(model), LittleEndian));
            accepted.Add(new(QuerySopClass.Get(model), LittleEndian));
        }

        accepted.AddRange(DicomUidRegistry.StorageSopClasses.Concat(options.PrivateStorageSopClasses)
            .Distinct(StringComparer.Ordinal)
            .Select(sopClass => new AbstractSyntaxPolicy(sopClass, storageSyntaxes)));
        return new AcceptancePolicy
        {
            CalledAeTitles = new HashSet<string>(StringComparer.Ordinal) { options.AeTitle },
            MaxAssociations = options.MaxAssociations,
            MaxPduLength = options.MaxPduLength,
            AsyncOperations = new AsyncOperationsWindow(options.MaxOperationsPerformed, options.MaxOperationsPerformed),
            AbstractSyntaxes = accepted,
        };
    }
}
