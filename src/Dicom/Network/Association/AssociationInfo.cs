using System.Net;
using Conformance.Dicom.Network.Association.Negotiation;
using Conformance.Dicom.Network.Pdus;
using Conformance.Dicom.Network.Security;

namespace Conformance.Dicom.Network.Association;

/// <summary>What was negotiated on an established association, seen from either side.</summary>
public sealed record AssociationInfo
{
    public required string CallingAe { get; init; }

    public required string CalledAe { get; init; }

    /// <summary>True on the side that sent A-ASSOCIATE-RQ.</summary>
    public required bool IsRequestor { get; init; }

    /// <summary>Every proposed context with its result, in proposal order.</summary>
    public required IReadOnlyList<NegotiatedPresentationContext> PresentationContexts { get; init; }

    /// <summary>The peer's maximum P-DATA-TF body (our sending limit); 0 = unlimited.</summary>
    public required uint PeerMaxPduLength { get; init; }

    /// <summary>Our announced maximum P-DATA-TF body; 0 = unlimited.</summary>
    public required uint OurMaxPduLength { get; init; }

    /// <summary>Negotiated window; <see cref="AsyncOperationsWindow.Synchronous"/> when none was negotiated.</summary>
    public AsyncOperationsWindow AsyncOperations { get; init; } = AsyncOperationsWindow.Synchronous;

    /// <summary>The identity the requestor presented, if any.</summary>
    public UserIdentity? UserIdentity { get; init; }

    /// <summary>The acceptor's user identity response (A-ASSOCIATE-AC item 0x59); null when it sent none.</summary>
    public ReadOnlyMemory<byte>? UserIdentityServerResponse { get; init; }

    public IReadOnlyList<SopClassExtendedNegotiationItem> ExtendedNegotiations { get; init; } = [];

    public IReadOnlyList<SopClassCommonExtendedNegotiationItem> CommonExtendedNegotiations { get; init; } = [];

    public string? PeerImplementationClassUid { get; init; }

    public string? PeerImplementationVersionName { get; init; }

    public IPEndPoint? RemoteEndPoint { get; init; }

    public IPEndPoint? LocalEndPoint { get; init; }

    /// <summary>The TLS session the association runs in (PS3.15 B); null on plain TCP.</summary>
    public TlsSession? Tls { get; init; }

    /// <summary>The peer's AE title as seen from this side.</summary>
    public string PeerAe => IsRequestor ? CalledAe : CallingAe;

    public NegotiatedPresentationContext? FindContext(byte presentationContextId)
    {
        foreach (var pc in PresentationContexts)
        {
            if (pc.Id == presentationContextId)
            {
                return pc;
            }
        }

        return null;
    }

    /// <summary>The first accepted context for an abstract syntax (and transfer syntax, when given).</summary>
    public NegotiatedPresentationContext? FindAccepted(string abstractSyntax, string? transferSyntax = null)
    {
        foreach (var pc in PresentationContexts)
        {
            if (pc.IsAccepted
                && string.Equals(pc.AbstractSyntax, abstractSyntax, StringComparison.Ordinal)
                && (transferSyntax is null || string.Equals(pc.TransferSyntax, transferSyntax, StringComparison.Ordinal)))
            {
                return pc;
            }
        }

        return null;
    }
}
