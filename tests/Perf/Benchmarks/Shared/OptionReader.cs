using System.Globalization;

namespace Conformance.Benchmarks.Shared;

/// <summary>
/// Reads <c>--name [value]</c> options one by one for a subcommand's own <c>switch</c>; <c>--out</c> and <c>--work</c>
/// (<see cref="BenchmarkOptions"/>) and the error for an unknown option are handled here, once.
/// </summary>
public sealed class OptionReader
{
    private readonly IReadOnlyList<string> _args;
    private readonly string _usage;
    private int _index = -1;

    private OptionReader(IReadOnlyList<string> args, string usage)
    {
        _args = args;
        _usage = usage + " --out DIR --work DIR";
    }

    /// <summary>The option being read.</summary>
    public string Name => _args[_index];

    /// <summary>Applies <paramref name="apply"/> to each option in turn, starting from <paramref name="defaults"/>.</summary>
    /// <param name="usage">"Options: ..." without <c>--out DIR --work DIR</c>, which are added.</param>
    public static T Parse<T>(IReadOnlyList<string> args, T defaults, string usage, Func<OptionReader, T, T> apply)
        where T : BenchmarkOptions
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(apply);
        var reader = new OptionReader(args, usage);
        var options = defaults;
        while (++reader._index < args.Count)
        {
            options = apply(reader, options);
        }

        return options;
    }

    public string Value() => _index + 1 < _args.Count ? _args[++_index] : throw new ArgumentException($"{Name} needs a value");

    public int Number()
    {
        var name = Name;
        return int.Parse(Value(), NumberStyles.None, CultureInfo.InvariantCulture) is var n and > 0 ? n : throw new ArgumentException($"{name} must be positive");
    }

    /// <summary>The options every subcommand shares, for the <c>_</c> arm of its switch; anything else is unknown.</summary>
    public T Common<T>(T options)
        where T : BenchmarkOptions => Name switch
        {
            "--out" => (T)(options with { OutputDirectory = Value() }),
            "--work" => (T)(options with { WorkDirectory = Value() }),
            _ => throw new ArgumentException($"Unknown option {Name}. {_usage}"),
        };
}
