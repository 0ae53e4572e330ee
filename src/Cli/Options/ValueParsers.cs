using System.CommandLine.Parsing;
using System.Globalization;

namespace Conformance.Cli.Options;

/// <summary>
/// Parsers for option and argument values whose errors name the option and the allowed values in
/// words (System.CommandLine's own errors name .NET types, e.g. 'System.Int32').
/// </summary>
internal static class ValueParsers
{
    /// <summary>A whole number in [min, max]; <paramref name="what"/> names the option or argument ("--count", "port").</summary>
    public static int Integer(ArgumentResult result, string what, int min, int max, int fallback)
    {
        if (SingleToken(result) is not { } text)
        {
            return fallback;
        }

        if (!int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value))
        {
            result.AddError($"{what} must be a whole number from {min} to {max}, not '{text}'");
            return fallback;
        }

        if (value < min || value > max)
        {
            result.AddError($"{what} {value} is out of range: use {min} to {max}");
            return fallback;
        }

        return value;
    }

    /// <summary>A 64-bit whole number (seeds).</summary>
    public static long Long(ArgumentResult result, string what, long fallback)
    {
        if (SingleToken(result) is not { } text)
        {
            return fallback;
        }

        if (long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value))
        {
            return value;
        }

        result.AddError($"{what} must be a whole number, not '{text}'");
        return fallback;
    }

    /// <summary>One of a fixed set of words (case-insensitive); the error lists them.</summary>
    public static T Choice<T>(ArgumentResult result, string what, IReadOnlyList<(string Name, T Value)> choices, T fallback)
    {
        if (SingleToken(result) is not { } text)
        {
            return fallback;
        }

        foreach (var (name, value) in choices)
        {
            if (string.Equals(name, text.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                return value;
            }
        }

        result.AddError($"{what} must be one of {string.Join(", ", choices.Select(c => c.Name))}, not '{text}'");
        return fallback;
    }

    /// <summary>
    /// A list given as repeated options and/or comma-separated words (<c>--peers dcmtk,gdcm</c>), each
    /// one of <paramref name="allowed"/> (case-insensitive); returned lower-case, in order, without repeats.
    /// <paramref name="accepts"/> lets a word through that is not in the list (e.g. "external:NAME").
    /// </summary>
    public static string[] List(ArgumentResult result, string what, IReadOnlyList<string> allowed, Func<string, bool>? accepts = null)
    {
        var words = result.Tokens
            .SelectMany(token => token.Value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            .ToList();
        var chosen = new List<string>();
        foreach (var word in words)
        {
            var known = allowed.FirstOrDefault(a => string.Equals(a, word, StringComparison.OrdinalIgnoreCase));
            if (known is null && accepts?.Invoke(word) != true)
            {
                result.AddError($"{what} takes {string.Join(", ", allowed)}; '{word}' is not one of them");
                return [];
            }

            var value = known ?? word;
            if (!chosen.Contains(value, StringComparer.Ordinal))
            {
                chosen.Add(value);
            }
        }

        if (words.Count == 0 && result.Tokens.Count > 0)
        {
            result.AddError($"{what} needs at least one of {string.Join(", ", allowed)}");
        }

        return [.. chosen];
    }

    private static string? SingleToken(ArgumentResult result) => result.Tokens.Count == 0 ? null : result.Tokens[^1].Value;
}
