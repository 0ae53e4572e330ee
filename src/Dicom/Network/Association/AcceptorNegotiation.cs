using System.Net;
using Conformance.Dicom.Network.Association.Negotiation;
using Conformance.Dicom.Network.Pdus;

namespace Conformance.Dicom.Network.Association;

/// <summary>The acceptor's half of negotiation: applies an <see cref="AcceptancePolicy"/> to an A-ASSOCIATE-RQ.</summary>
internal static class AcceptorNegotiation
{
    /// <summary>Event 8 with the rejection and why, or event 7 with the A-ASSOCIATE-AC to send and what it negotiates.</summary>
    public static UlEventData Decide(AssociateRequestPdu request, AcceptancePolicy policy, IPAddress? source, Func<bool> admit)
    {
        if (AssociationScreening.Screen(request, policy, source, admit) is { } rejection)
        {
            return rejection;
        }

        var answers = new List<PresentationContextAcceptItem>(request.PresentationContexts.Count);
        var negotiated = new List<NegotiatedPresentationContext>(request.PresentationContexts.Count);
        var roleAnswers = new List<RoleSelectionItem>();
        foreach (var proposed in request.PresentationContexts)
        {
            var (result, transferSyntax) = Choose(proposed, policy);
            // A rejected context still carries a transfer syntax sub-item (not significant, PS3.8 9.3.3.2).
            answers.Add(new PresentationContextAcceptItem(proposed.Id, result, result == PresentationContextResult.Acceptance ? transferSyntax : proposed.TransferSyntaxes[0]));
            var (scu, scp) = (true, false);
            var roleRequest = FindRole(request.UserInformation, proposed.AbstractSyntax);
            if (roleRequest is not null && result == PresentationContextResult.Acceptance)
            {
                var allowed = policy.Find(proposed.AbstractSyntax)!;
                (scu, scp) = (roleRequest.ScuRole && allowed.AllowScuRole, roleRequest.ScpRole && allowed.AllowScpRole);
                if (!roleAnswers.Exists(r => r.SopClassUid == proposed.AbstractSyntax))
                {
                    roleAnswers.Add(new RoleSelectionItem(proposed.AbstractSyntax, scu, scp));
                }
            }

            negotiated.Add(new NegotiatedPresentationContext(proposed.Id, proposed.AbstractSyntax, transferSyntax, result, scu, scp));
        }

        var requested = request.UserInformation;
        var window = Window(requested.AsynchronousOperationsWindow, policy.AsyncOperations);
        var identity = requested.UserIdentityRequest is { } id ? UserIdentity.FromItem(id) : null;
        var identityAnswer = identity is { PositiveResponseRequested: true } && identity.Type is UserIdentityType.Username or UserIdentityType.UsernameAndPasscode
            ? new UserIdentityAcceptItem(ReadOnlyMemory<byte>.Empty)
            : null;
        var userInformation = new UserInformationItem
        {
            MaximumLength = new MaximumLengthItem(policy.MaxPduLength),
            ImplementationClassUid = new ImplementationClassUidItem(policy.ImplementationClassUid),
            AsynchronousOperationsWindow = window is null ? null : new AsynchronousOperationsWindowItem(window.MaxInvoked, window.MaxPerformed),
            RoleSelections = roleAnswers,
            ImplementationVersionName = new ImplementationVersionNameItem(policy.ImplementationVersionName),
            UserIdentityAccept = identityAnswer,
        };
        var accept = new AssociateAcceptPdu(request.CalledAe, request.CallingAe, request.ApplicationContext, answers, userInformation);
        var info = new AssociationInfo
        {
            CallingAe = request.CallingAe,
            CalledAe = request.CalledAe,
            IsRequestor = false,
            PresentationContexts = negotiated,
            PeerMaxPduLength = requested.MaximumLength?.MaximumLength ?? 0,
            OurMaxPduLength = policy.MaxPduLength,
            AsyncOperations = window ?? AsyncOperationsWindow.Synchronous,
            UserIdentity = identity,
            UserIdentityServerResponse = identityAnswer?.ServerResponse,
            ExtendedNegotiations = requested.ExtendedNegotiations,
            CommonExtendedNegotiations = requested.CommonExtendedNegotiations,
            PeerImplementationClassUid = requested.ImplementationClassUid?.Uid,
            PeerImplementationVersionName = requested.ImplementationVersionName?.Name,
        };
        return new AssociateAcceptDecided(accept, info);
    }

    private static (PresentationContextResult Result, string TransferSyntax) Choose(PresentationContextRequestItem proposed, AcceptancePolicy policy)
    {
        // IDs are odd (PS3.8 9.3.2.2); duplicates never get here: the request's parser refuses them.
        if ((proposed.Id & 1) == 0)
        {
            return (PresentationContextResult.NoReason, string.Empty);
        }

        var allowed = policy.Find(proposed.AbstractSyntax);
        if (allowed is null)
        {
            return (PresentationContextResult.AbstractSyntaxNotSupported, string.Empty);
        }

        // Our preference order wins over the proposer's.
        foreach (var preferred in allowed.TransferSyntaxes)
        {
            foreach (var offered in proposed.TransferSyntaxes)
            {
                if (string.Equals(preferred, offered, StringComparison.Ordinal))
                {
                    return (PresentationContextResult.Acceptance, preferred);
                }
            }
        }

        return (PresentationContextResult.TransferSyntaxesNotSupported, string.Empty);
    }

    private static RoleSelectionItem? FindRole(UserInformationItem info, string abstractSyntax)
    {
        foreach (var item in info.RoleSelections)
        {
            if (string.Equals(item.SopClassUid, abstractSyntax, StringComparison.Ordinal))
            {
                return item;
            }
        }

        return null;
    }

    /// <summary>Each side's figure is the smaller of what was asked and what we support; 0 means unlimited.</summary>
    private static AsyncOperationsWindow? Window(AsynchronousOperationsWindowItem? asked, AsyncOperationsWindow? supported)
    {
        if (asked is null || supported is null)
        {
            return null;
        }

        return new AsyncOperationsWindow(Smaller(asked.MaxOperationsInvoked, supported.MaxInvoked), Smaller(asked.MaxOperationsPerformed, supported.MaxPerformed));
    }

    private static ushort Smaller(ushort a, ushort b) => a == 0 ? b : b == 0 ? a : Math.Min(a, b);
}
