namespace Conformance.Dicom.Query;

/// <summary>
/// DT key values (PS3.5 6.2: YYYYMMDDHHMMSS.FFFFFF&amp;ZZXX, components omitted from the right, &amp;ZZXX an optional UTC
/// offset). A '-' can be an offset's sign or the range separator (PS3.4 C.2.2.2.5): it is a sign when four digits that
/// form a valid offset (hours up to 14, minutes under 60) follow and then the end or the separator.
/// </summary>
internal static class DateTimeKey
{
    /// <summary>The bounds of a range key ("" when open); null when the key is a single value.</summary>
    public static (string Lower, string Upper)? SplitRange(string key)
    {
        var end = EndOfValue(key, 0);
        return end < key.Length && key[end] == '-' ? (key[..end], key[(end + 1)..]) : null;
    }

    /// <summary>The value without its UTC offset: range bounds are compared as written, offsets aside.</summary>
    public static string WithoutOffset(string value)
    {
        var end = EndOfDigits(value, 0);
        return value[..end];
    }

    // Past the date/time digits and fraction, and past an offset if one follows.
    private static int EndOfValue(string text, int start)
    {
        var i = EndOfDigits(text, start);
        if (i == start)
        {
            return i;
        }

        if (i < text.Length && (text[i] == '+' || (text[i] == '-' && IsOffset(text, i))))
        {
            return Math.Min(i + 5, text.Length);
        }

        return i;
    }

    private static int EndOfDigits(string text, int start)
    {
        var i = start;
        while (i < text.Length && (char.IsAsciiDigit(text[i]) || text[i] == '.'))
        {
            i++;
        }

        return i;
    }

    private static bool IsOffset(string text, int sign)
    {
        var after = sign + 5;
        if (after > text.Length || (after < text.Length && text[after] != '-'))
        {
            return false;
        }

        for (var i = sign + 1; i < after; i++)
        {
            if (!char.IsAsciiDigit(text[i]))
            {
                return false;
            }
        }

        var hours = ((text[sign + 1] - '0') * 10) + (text[sign + 2] - '0');
        var minutes = ((text[sign + 3] - '0') * 10) + (text[sign + 4] - '0');
        return hours <= 14 && minutes < 60;
    }
}
