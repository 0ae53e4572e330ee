using System.Net;
using Conformance.Dicom.Network.Association.Negotiation;
using Conformance.Dicom.Network.Pdus;

namespace Conformance.Dicom.Network.Association;

/// <summary>
/// The association-level checks of an A-ASSOCIATE-RQ, in the order of PS3.8 table 9-21's reasons: application
/// context, called AE title, calling AE title (allow-list, optionally by source address), then the user identity
/// (PS3.7 D.3.3.7) and last the association limit. Each refusal says why, for the log.
/// </summary>
internal static class AssociationScreening
{
    /// <summary>The rejection to send, or null when the request passes.</summary>
    /// <remarks><paramref name="admit"/> takes an association slot; it is asked last, so a slot is only taken by an accepted association.</remarks>
    public static AssociateRejectDecided? Screen(AssociateRequestPdu request, AcceptancePolicy policy, IPAddress? source, Func<bool> admit)
    {
        if (!string.Equals(request.ApplicationContext.Name, ApplicationContextItem.DicomApplicationContext, StringComparison.Ordinal))
        {
            return Reject(AssociationRejection.ApplicationContextNotSupported, $"application context name {AssociationLog.Printable(request.ApplicationContext.Name)} is not DICOM's ({ApplicationContextItem.DicomApplicationContext})");
        }

        if (CalledProblem(request.CalledAe, policy) is { } called)
        {
            return Reject(AssociationRejection.CalledAeNotRecognized, called);
        }

        if (CallingProblem(request.CallingAe, policy, source) is { } calling)
        {
            return Reject(AssociationRejection.CallingAeNotRecognized, calling);
        }

        if (IdentityProblem(request.UserInformation.UserIdentityRequest, policy) is { } identity)
        {
            return Reject(AssociationRejection.UserIdentityNotAccepted, identity);
        }

        if (!admit())
        {
            return Reject(AssociationRejection.LocalLimitExceeded, $"{policy.MaxAssociations} connections are open, the most this SCP serves at once");
        }

        return null;
    }

    private static AssociateRejectDecided Reject(AssociationRejection rejection, string why) => new(rejection, why);

    private static string? CalledProblem(string calledAe, AcceptancePolicy policy)
    {
        if (AeTitle.Problem(calledAe) is { } problem)
        {
            return $"called AE title '{AssociationLog.Printable(calledAe)}': {problem}";
        }

        return policy.CalledAeTitles is { } ours && !ours.Contains(calledAe)
            ? $"called AE title '{calledAe}' is not one of ours ({string.Join(", ", ours.Order(StringComparer.Ordinal))})"
            : null;
    }

    private static string? CallingProblem(string callingAe, AcceptancePolicy policy, IPAddress? source)
    {
        if (AeTitle.Problem(callingAe) is { } problem)
        {
            return $"calling AE title '{AssociationLog.Printable(callingAe)}': {problem}";
        }

        if (policy.CallingAeTitles is { } titles && !titles.Contains(callingAe))
        {
            return $"calling AE title '{callingAe}' is not on the allow-list";
        }

        if (policy.CallingAeRules is not { } rules || rules.Any(r => r.Allows(callingAe, source)))
        {
            return null;
        }

        var ranges = rules.Where(r => string.Equals(r.AeTitle, callingAe, StringComparison.Ordinal)).Select(r => r.From?.ToString() ?? "anywhere").ToList();
        return ranges.Count == 0
            ? $"calling AE title '{callingAe}' is not on the allow-list"
            : $"calling AE title '{callingAe}' is not allowed from {source?.ToString() ?? "an unknown address"} (only from {string.Join(", ", ranges)})";
    }

    private static string? IdentityProblem(UserIdentityRequestItem? presented, AcceptancePolicy policy)
    {
        if (presented is null)
        {
            return policy.Credentials is null ? null : "no user identity presented; this SCP requires one (PS3.7 D.3.3.7)";
        }

        if (policy.Credentials?.Refusal(presented.IdentityType, presented.PrimaryField.Span, presented.SecondaryField.Span) is { } refusal)
        {
            return "user identity refused: " + AssociationLog.Printable(refusal);
        }

        return policy.UserIdentityValidator is { } validate && !validate(UserIdentity.FromItem(presented))
            ? $"user identity {AssociationLog.Printable(UserIdentity.FromItem(presented).ToString())} refused by the policy"
            : null;
    }
}
