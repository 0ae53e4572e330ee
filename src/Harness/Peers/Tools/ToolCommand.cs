namespace Conformance.Harness.Peers.Tools;

/// <summary>A command line for a tool inside a peer image, with its environment.</summary>
public sealed record ToolCommand(string Program, IReadOnlyList<string> Arguments, IReadOnlyDictionary<string, string> Environment)
{
    public override string ToString() =>
        string.Join(' ', Environment.Select(e => $"{e.Key}={e.Value}").Append(Program).Concat(Arguments));
}
