namespace Conformance.Dicom.Query;

/// <summary>
/// Attribute matching of PS3.4 C.2.2.2: universal (empty key), single value, wildcard (* and ?),
/// range (DA/TM/DT), list of UIDs and, as an extension for other VRs, a backslash list (any value
/// matches). A multi-valued stored value matches when any of its values does.
/// </summary>
public static class KeyMatcher
{
    public static bool Matches(string vr, string key, string? stored)
    {
        ArgumentNullException.ThrowIfNull(vr);
        ArgumentNullException.ThrowIfNull(key);
        var trimmed = key.Trim(' ', '\0');
        if (trimmed.Length == 0)
        {
            return true;
        }

        var storedValues = (stored ?? string.Empty).Split('\\');
        foreach (var keyValue in trimmed.Split('\\'))
        {
            foreach (var value in storedValues)
            {
                if (MatchesOne(vr, keyValue.Trim(' ', '\0'), value.Trim(' ', '\0')))
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>The kind of matching a key value gets; exposed so tests and docs can name it.</summary>
    public static MatchKind KindOf(string vr, string key)
    {
        ArgumentNullException.ThrowIfNull(vr);
        ArgumentNullException.ThrowIfNull(key);
        var trimmed = key.Trim(' ', '\0');
        if (trimmed.Length == 0)
        {
            return MatchKind.Universal;
        }

        if (trimmed.Contains('\\', StringComparison.Ordinal))
        {
            return vr == "UI" ? MatchKind.UidList : MatchKind.List;
        }

        if (IsRange(vr, trimmed))
        {
            return MatchKind.Range;
        }

        if (AllowsWildcards(vr) && trimmed.AsSpan().IndexOfAny('*', '?') >= 0)
        {
            return MatchKind.Wildcard;
        }

        return MatchKind.SingleValue;
    }

    private static bool MatchesOne(string vr, string key, string value)
    {
        if (key.Length == 0)
        {
            return true;
        }

        if (IsDateOrTime(vr))
        {
            return IsRange(vr, key)
                ? InRange(vr, key, value)
                : Normalize(vr, key) == Normalize(vr, value);
        }

        var ignoreCase = vr == "PN";
        if (AllowsWildcards(vr) && key.AsSpan().IndexOfAny('*', '?') >= 0)
        {
            return WildcardMatch(key, value, ignoreCase);
        }

        return string.Equals(key, value, ignoreCase ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal);
    }

    private static bool InRange(string vr, string key, string value)
    {
        if (value.Length == 0)
        {
            return false;
        }

        var dash = key.IndexOf('-', StringComparison.Ordinal);
        var (lower, upper) = vr == "DT" ? DateTimeKey.SplitRange(key)!.Value : (key[..dash], key[(dash + 1)..]);
        (lower, upper) = (RangeForm(vr, lower), RangeForm(vr, upper));
        var normalized = RangeForm(vr, value);
        if (lower.Length > 0 && string.CompareOrdinal(normalized, lower) < 0)
        {
            return false;
        }

        // An upper bound covers everything it is a prefix of: "-1000" includes 10:00:59.
        if (upper.Length > 0)
        {
            var prefix = normalized.Length > upper.Length ? normalized[..upper.Length] : normalized;
            if (string.CompareOrdinal(prefix, upper) > 0)
            {
                return false;
            }
        }

        return true;
    }

    // Accepts the ACR-NEMA forms too: YYYY.MM.DD and HH:MM:SS. DT range bounds are compared without their UTC offsets.
    private static string Normalize(string vr, string value) =>
        vr == "DA" ? value.Replace(".", "", StringComparison.Ordinal)
        : vr == "TM" ? value.Replace(":", "", StringComparison.Ordinal)
        : value;

    private static bool IsDateOrTime(string vr) => vr is "DA" or "TM" or "DT";

    private static string RangeForm(string vr, string value) => vr == "DT" ? DateTimeKey.WithoutOffset(value) : Normalize(vr, value);

    // A '-' in a DT may be the sign of a UTC offset (DateTimeKey); in DA and TM it always separates a range.
    private static bool IsRange(string vr, string key) =>
        vr == "DT" ? DateTimeKey.SplitRange(key) is not null : IsDateOrTime(vr) && key.Contains('-', StringComparison.Ordinal);

    // PS3.4 C.2.2.2.4: no wild cards for dates, times, binary numbers, OB/OW/UN, AT, DS, IS, AS and UI.
    private static bool AllowsWildcards(string vr) => vr is not (
        "DA" or "TM" or "DT" or "UI" or "US" or "UL" or "SS" or "SL" or "SV" or "UV" or "FL" or "FD"
        or "OB" or "OW" or "OD" or "OF" or "OL" or "OV" or "UN" or "AT" or "DS" or "IS" or "AS");

    private static bool WildcardMatch(string pattern, string value, bool ignoreCase)
    {
        int p = 0, v = 0, starP = -1, starV = 0;
        while (v < value.Length)
        {
            if (p < pattern.Length && (pattern[p] == '?' || CharEquals(pattern[p], value[v], ignoreCase)))
            {
                p++;
                v++;
            }
            else if (p < pattern.Length && pattern[p] == '*')
            {
                starP = p++;
                starV = v;
            }
            else if (starP >= 0)
            {
                p = starP + 1;
                v = ++starV;
            }
            else
            {
                return false;
            }
        }

        while (p < pattern.Length && pattern[p] == '*')
        {
            p++;
        }

        return p == pattern.Length;
    }

    private static bool CharEquals(char a, char b, bool ignoreCase) =>
        a == b || (ignoreCase && char.ToUpperInvariant(a) == char.ToUpperInvariant(b));
}

/// <summary>The matching types of PS3.4 C.2.2.2.</summary>
public enum MatchKind
{
    Universal,
    SingleValue,
    Wildcard,
    Range,
    UidList,
    List,
}
