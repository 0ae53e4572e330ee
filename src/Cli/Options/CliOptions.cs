using System.CommandLine;

namespace Conformance.Cli.Options;

/// <summary>
/// Options and arguments the commands share, built with <see cref="ValueParsers"/> so that a bad value
/// is one line naming the option and what it accepts. Ports are checked at parse time: `echo HOST
/// 70000` is a usage error, not an exception from the socket layer.
/// </summary>
internal static class CliOptions
{
    public const int MaxPort = 65535;

    /// <summary>A peer's TCP port argument, 1-65535.</summary>
    public static Argument<int> PortArgument(string name = "port") => new(name)
    {
        Description = "Peer TCP port (1-65535)",
        CustomParser = result => ValueParsers.Integer(result, name, 1, MaxPort, 0),
    };

    /// <summary>A port to listen on; 0 picks a free one.</summary>
    public static Option<int> ListenPort(string name, string description) => new(name)
    {
        Description = description,
        Required = true,
        CustomParser = result => ValueParsers.Integer(result, name, 0, MaxPort, 0),
    };

    public static Option<int> Integer(string name, string description, int fallback, int min = 1, int max = int.MaxValue) => new(name)
    {
        Description = description,
        DefaultValueFactory = _ => fallback,
        CustomParser = result => ValueParsers.Integer(result, name, min, max, fallback),
    };

    public static Option<long> Long(string name, string description, long fallback) => new(name)
    {
        Description = description,
        DefaultValueFactory = _ => fallback,
        CustomParser = result => ValueParsers.Long(result, name, fallback),
    };

    /// <summary>One of fixed words, e.g. <c>--model patient|study</c>; the help lists the words.</summary>
    public static Option<T> Choice<T>(string name, string description, IReadOnlyList<(string Name, T Value)> choices, T fallback, bool required = false)
    {
        ArgumentNullException.ThrowIfNull(choices);
        var option = new Option<T>(name)
        {
            Description = $"{description} ({string.Join("|", choices.Select(c => c.Name))})",
            Required = required,
            CustomParser = result => ValueParsers.Choice(result, name, choices, fallback),
        };
        if (!required)
        {
            option.DefaultValueFactory = _ => fallback;
        }

        option.CompletionSources.Add(choices.Select(c => c.Name).ToArray());
        return option;
    }

    /// <summary>Every member of an enum by its name as written (CT, MR ...), matched case-insensitively.</summary>
    public static Option<T> EnumChoice<T>(string name, string description, T fallback, bool required = false)
        where T : struct, Enum =>
        Choice(name, description, Enum.GetValues<T>().Select(v => (v.ToString(), v)).ToList(), fallback, required);

    /// <summary>Comma-separated and/or repeated words from a fixed list (e.g. <c>--peers dcmtk,gdcm</c>).</summary>
    public static Option<string[]> List(string name, string description, IReadOnlyList<string> allowed, Func<string, bool>? accepts = null) => new(name)
    {
        Description = $"{description} ({string.Join(",", allowed)}; comma-separated or repeated)",
        AllowMultipleArgumentsPerToken = false,
        DefaultValueFactory = _ => [],
        CustomParser = result => ValueParsers.List(result, name, allowed, accepts),
    };
}
