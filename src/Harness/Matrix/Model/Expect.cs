namespace Conformance.Harness.Matrix.Model;

/// <summary>The cases' assertions: each failure is a <see cref="CaseFailedException"/> whose message names what was expected and what was seen.</summary>
public static class Expect
{
    public static void That(bool condition, string failure)
    {
        if (!condition)
        {
            throw new CaseFailedException(failure);
        }
    }

    public static void Equal<T>(T expected, T actual, string what)
    {
        if (!EqualityComparer<T>.Default.Equals(expected, actual))
        {
            throw new CaseFailedException($"{what}: expected {Show(expected)}, got {Show(actual)}");
        }
    }

    public static void Status(ushort expected, ushort? actual, string what)
    {
        if (actual != expected)
        {
            throw new CaseFailedException($"{what}: expected status 0x{expected:X4}, got {(actual is { } a ? $"0x{a:X4}" : "no final status")}");
        }
    }

    public static void SameSet(IEnumerable<string> expected, IEnumerable<string> actual, string what)
    {
        var want = expected.ToHashSet(StringComparer.Ordinal);
        var got = actual.ToList();
        var missing = want.Except(got, StringComparer.Ordinal).ToList();
        var extra = got.Except(want, StringComparer.Ordinal).ToList();
        var duplicates = got.GroupBy(g => g, StringComparer.Ordinal).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        if (missing.Count + extra.Count + duplicates.Count > 0)
        {
            throw new CaseFailedException($"{what}: expected {want.Count}, got {got.Count}"
                + (missing.Count > 0 ? $"; missing {string.Join(", ", missing.Take(5))}" : "")
                + (extra.Count > 0 ? $"; unexpected {string.Join(", ", extra.Take(5))}" : "")
                + (duplicates.Count > 0 ? $"; twice {string.Join(", ", duplicates.Take(5))}" : ""));
        }
    }

    private static string Show<T>(T value) => value switch
    {
        null => "nothing",
        ushort u => $"0x{u:X4}",
        string s => $"'{s}'",
        _ => value.ToString() ?? "?",
    };
}
