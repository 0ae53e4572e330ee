namespace Conformance.Fuzz.Targets;

/// <summary>Every target by name (the corpus folder names under tests/Fuzz/corpus).</summary>
internal static class FuzzTargets
{
    public static IReadOnlyList<IFuzzTarget> All { get; } =
    [
        new PduTarget(),
        new AssociationTarget(),
        new CommandSetTarget(),
        new DatasetTarget(),
        new FileTarget(),
    ];

    public static IFuzzTarget Find(string name) =>
        All.FirstOrDefault(t => t.Name == name)
        ?? throw new ArgumentException($"unknown target '{name}'; known: {string.Join(", ", All.Select(t => t.Name))}", nameof(name));
}
