using System.Globalization;
using System.Text.RegularExpressions;

namespace Conformance.Harness.Sut.External;

/// <summary>
/// Expands a command template: whitespace-separated tokens; a token that is exactly a list placeholder
/// ({files}, {knobs}) becomes zero or more arguments; other placeholders ({host}, {port}, {called}, ...)
/// are replaced inside tokens. A token left empty after expansion is dropped. An unknown placeholder is an error.
/// </summary>
public static partial class CommandTemplate
{
    public static IReadOnlyList<string> Expand(string template, IReadOnlyDictionary<string, string> values, IReadOnlyDictionary<string, IReadOnlyList<string>> lists)
    {
        ArgumentNullException.ThrowIfNull(template);
        ArgumentNullException.ThrowIfNull(values);
        ArgumentNullException.ThrowIfNull(lists);
        var arguments = new List<string>();
        foreach (var token in template.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))
        {
            var name = token.Length > 2 && token[0] == '{' && token[^1] == '}' ? token[1..^1] : null;
            if (name is not null && lists.TryGetValue(name, out var list))
            {
                arguments.AddRange(list);
                continue;
            }

            var expanded = Placeholder().Replace(token, match => values.TryGetValue(match.Groups[1].Value, out var value)
                ? value
                : throw new FormatException(string.Create(CultureInfo.InvariantCulture, $"Unknown placeholder {match.Value} in '{template}'; known: {string.Join(", ", values.Keys.Concat(lists.Keys).Order(StringComparer.Ordinal))}.")));
            if (expanded.Length > 0)
            {
                arguments.Add(expanded);
            }
        }

        return arguments;
    }

    [GeneratedRegex(@"\{([a-z-]+)\}")]
    private static partial Regex Placeholder();
}
