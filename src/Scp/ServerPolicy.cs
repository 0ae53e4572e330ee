using Conformance.Dicom.IO;
using Conformance.Dicom.Network.Association.Negotiation;
using Conformance.Dicom.Query;

namespace Conformance.Scp;

/// <summary>
/// What the SCP accepts: Verification and the six query/retrieve SOP classes in the uncompressed little
/// endian syntaxes; any other abstract syntax as storage, in every transfer syntax we know (objects
/// are stored as received), explicit VR little endian preferred.
/// </summary>
internal static class ServerPolicy
{
    private static readonly string[] LittleEndian = [NegotiationUids.ExplicitVrLittleEndian, NegotiationUids.ImplicitVrLittleEndian];

    public static AcceptancePolicy Create(DicomServerOptions options)
    {
        var storageSyntaxes = LittleEndian
            .Concat(DicomTransferSyntax.All.Select(s => s.Uid).Where(u => !LittleEndian.Contains(u)))
            .ToList();
        var policy = new AcceptancePolicy
        {
            CalledAeTitles = new HashSet<string>(StringComparer.Ordinal) { options.AeTitle },
            MaxAssociations = options.MaxAssociations,
            MaxPduLength = options.MaxPduLength,
            AsyncOperations = new AsyncOperationsWindow(options.MaxOperationsPerformed, options.MaxOperationsPerformed),
            AnyAbstractSyntaxTransferSyntaxes = storageSyntaxes,
        }.WithAbstractSyntax(NegotiationUids.Verification, LittleEndian);
        foreach (var model in Enum.GetValues<QueryModel>())
        {
            policy = policy
                .WithAbstractSyntax(QuerySopClass.Find(model), LittleEndian)
                .WithAbstractSyntax(QuerySopClass.Move(model), LittleEndian)
                .WithAbstractSyntax(QuerySopClass.Get(model), LittleEndian);
        }

        return policy;
    }
}
