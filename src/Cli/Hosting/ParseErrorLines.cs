using System.CommandLine;
using System.CommandLine.Parsing;

namespace Conformance.Cli.Hosting;

/// <summary>
/// One line per parse error: System.CommandLine's messages flattened (some span several lines) and
/// followed by where to read more. The values' own errors come from Options/ValueParsers.
/// </summary>
internal static class ParseErrorLines
{
    public static IEnumerable<string> For(ParseResult parsed)
    {
        ArgumentNullException.ThrowIfNull(parsed);
        var help = $"see 'conformance {CommandPath(parsed.CommandResult)} --help'".Replace("  ", " ", StringComparison.Ordinal);
        var messages = parsed.Errors.Select(error => Flatten(error.Message)).Distinct(StringComparer.Ordinal).ToList();

        // "conformance bogus" is one mistake: the unknown word, not also a missing command.
        if (messages.Count > 1 && messages.Any(m => m.StartsWith("Unrecognized", StringComparison.Ordinal)))
        {
            messages.RemoveAll(m => m.StartsWith("Required command", StringComparison.Ordinal));
        }

        return messages
            .Select(message => $"{message.TrimEnd('.')} ({help.Trim()})");
    }

    public static string CommandPath(CommandResult? result)
    {
        var names = new Stack<string>();
        for (var current = result; current is not null; current = current.Parent as CommandResult)
        {
            if (current.Command is not RootCommand)
            {
                names.Push(current.Command.Name);
            }
        }

        return string.Join(' ', names);
    }

    private static string Flatten(string message) =>
        string.Join(' ', message.Split(['\n', '\r', '\t'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
}
