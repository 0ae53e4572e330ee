using Conformance.Dicom.Network.Association.Negotiation;
using Conformance.Dicom.Network.Pdus;

namespace Conformance.Dicom.Network.Association;

/// <summary>The requestor's half of negotiation: builds A-ASSOCIATE-RQ and reads the A-ASSOCIATE-AC answer.</summary>
internal static class RequestorNegotiation
{
    public static AssociateRequestPdu BuildRequest(AssociationRequest request)
    {
        AeTitle.Validate(request.CallingAe, "Calling");
        AeTitle.Validate(request.CalledAe, "Called");
        var proposals = request.PresentationContexts;
        if (proposals.Count is 0 or > AssociationRequest.MaxPresentationContexts)
        {
            throw new ArgumentException($"An association proposes 1 to {AssociationRequest.MaxPresentationContexts} presentation contexts, not {proposals.Count}", nameof(request));
        }

        var contexts = new List<PresentationContextRequestItem>(proposals.Count);
        var roles = new List<RoleSelectionItem>();
        for (var i = 0; i < proposals.Count; i++)
        {
            var proposal = proposals[i];
            if (proposal.TransferSyntaxes.Count == 0)
            {
                throw new ArgumentException($"Presentation context for {proposal.AbstractSyntax} proposes no transfer syntax", nameof(request));
            }

            contexts.Add(new PresentationContextRequestItem((byte)((2 * i) + 1), proposal.AbstractSyntax, proposal.TransferSyntaxes));
            if (proposal.Roles is { } role && !roles.Exists(r => r.SopClassUid == proposal.AbstractSyntax))
            {
                roles.Add(new RoleSelectionItem(proposal.AbstractSyntax, role.Scu, role.Scp));
            }
        }

        var userInformation = new UserInformationItem
        {
            MaximumLength = new MaximumLengthItem(request.MaxPduLength),
            ImplementationClassUid = new ImplementationClassUidItem(request.ImplementationClassUid),
            AsynchronousOperationsWindow = request.AsyncOperations is { } w ? new AsynchronousOperationsWindowItem(w.MaxInvoked, w.MaxPerformed) : null,
            RoleSelections = roles,
            ImplementationVersionName = new ImplementationVersionNameItem(request.ImplementationVersionName),
            ExtendedNegotiations = request.ExtendedNegotiations,
            CommonExtendedNegotiations = request.CommonExtendedNegotiations,
            UserIdentityRequest = request.UserIdentity?.ToItem(),
        };
        return new AssociateRequestPdu(request.CalledAe, request.CallingAe, new ApplicationContextItem(request.ApplicationContext), contexts, userInformation);
    }

    /// <summary>Reads the acceptor's answer; an answer that contradicts the request is a <see cref="PduFormatException"/>.</summary>
    public static AssociationInfo ReadAccept(AssociationRequest request, AssociateRequestPdu sent, AssociateAcceptPdu accept)
    {
        var negotiated = new List<NegotiatedPresentationContext>(sent.PresentationContexts.Count);
        for (var i = 0; i < sent.PresentationContexts.Count; i++)
        {
            var proposed = sent.PresentationContexts[i];
            var answer = FindAnswer(accept, proposed.Id);
            var result = answer?.Result ?? PresentationContextResult.NoReason;
            var transferSyntax = result == PresentationContextResult.Acceptance ? answer!.TransferSyntax : string.Empty;
            if (result == PresentationContextResult.Acceptance && !Contains(proposed.TransferSyntaxes, transferSyntax))
            {
                throw new PduFormatException($"A-ASSOCIATE-AC accepts context {proposed.Id} with transfer syntax {transferSyntax}, which was not proposed", PduHeader.Size, AbortReason.InvalidPduParameterValue);
            }

            var (scu, scp) = Roles(request.PresentationContexts[i].Roles, accept.UserInformation, proposed.AbstractSyntax);
            negotiated.Add(new NegotiatedPresentationContext(proposed.Id, proposed.AbstractSyntax, transferSyntax, result, scu, scp));
        }

        foreach (var answer in accept.PresentationContexts)
        {
            if (!sent.PresentationContexts.Any(p => p.Id == answer.Id))
            {
                throw new PduFormatException($"A-ASSOCIATE-AC answers presentation context {answer.Id}, which was not proposed", PduHeader.Size, AbortReason.InvalidPduParameterValue);
            }
        }

        var info = accept.UserInformation;
        return new AssociationInfo
        {
            CallingAe = request.CallingAe,
            CalledAe = request.CalledAe,
            IsRequestor = true,
            PresentationContexts = negotiated,
            PeerMaxPduLength = info.MaximumLength?.MaximumLength ?? 0,
            OurMaxPduLength = request.MaxPduLength,
            AsyncOperations = info.AsynchronousOperationsWindow is { } w ? new AsyncOperationsWindow(w.MaxOperationsInvoked, w.MaxOperationsPerformed) : AsyncOperationsWindow.Synchronous,
            UserIdentity = request.UserIdentity,
            UserIdentityServerResponse = info.UserIdentityAccept?.ServerResponse,
            ExtendedNegotiations = info.ExtendedNegotiations,
            CommonExtendedNegotiations = request.CommonExtendedNegotiations,
            PeerImplementationClassUid = info.ImplementationClassUid?.Uid,
            PeerImplementationVersionName = info.ImplementationVersionName?.Name,
        };
    }

    private static PresentationContextAcceptItem? FindAnswer(AssociateAcceptPdu accept, byte id)
    {
        foreach (var item in accept.PresentationContexts)
        {
            if (item.Id == id)
            {
                return item;
            }
        }

        return null;
    }

    private static bool Contains(IReadOnlyList<string> list, string value)
    {
        foreach (var item in list)
        {
            if (string.Equals(item, value, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>PS3.7 D.3.3.4: without a role selection answer, the requestor is SCU only.</summary>
    private static (bool Scu, bool Scp) Roles(RoleSelection? proposed, UserInformationItem accept, string abstractSyntax)
    {
        if (proposed is null)
        {
            return (true, false);
        }

        foreach (var item in accept.RoleSelections)
        {
            if (string.Equals(item.SopClassUid, abstractSyntax, StringComparison.Ordinal))
            {
                return (proposed.Scu && item.ScuRole, proposed.Scp && item.ScpRole);
            }
        }

        return (true, false);
    }
}
