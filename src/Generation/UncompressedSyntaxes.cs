namespace Conformance.Generation;

/// <summary>The four uncompressed transfer syntaxes by their command-line names (PS3.5 A.1-A.5).</summary>
public static class UncompressedSyntaxes
{
    public const string ImplicitLittleEndian = "1.2.840.10008.1.2";
    public const string ExplicitLittleEndian = "1.2.840.10008.1.2.1";
    public const string ExplicitBigEndian = "1.2.840.10008.1.2.2";
    public const string DeflatedExplicitLittleEndian = "1.2.840.10008.1.2.1.99";

    /// <summary>Command-line name -> transfer syntax UID, in the order a conversion chain visits them.</summary>
    public static IReadOnlyList<KeyValuePair<string, string>> ByName { get; } =
    [
        new("explicit-le", ExplicitLittleEndian),
        new("implicit-le", ImplicitLittleEndian),
        new("explicit-be", ExplicitBigEndian),
        new("deflated", DeflatedExplicitLittleEndian),
    ];

    public static IReadOnlyList<string> Names { get; } = ByName.Select(pair => pair.Key).ToArray();

    public static string UidOf(string name)
    {
        foreach (var (key, uid) in ByName)
        {
            if (string.Equals(key, name, StringComparison.OrdinalIgnoreCase))
            {
                return uid;
            }
        }

        throw new ArgumentException($"Unknown transfer syntax name '{name}'; expected one of {string.Join(", ", Names)}.", nameof(name));
    }

    public static string NameOf(string uid)
    {
        foreach (var (key, value) in ByName)
        {
            if (value == uid)
            {
                return key;
            }
        }

        return uid;
    }
}
