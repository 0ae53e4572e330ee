namespace Conformance.Cli.Commands.Run;

/// <summary>What happened to one generated object: its conversions, DCMTK's verdicts, the round trip.</summary>
internal sealed class RunFileOutcome(string modality, string source)
{
    public string Modality { get; } = modality;

    public string Source { get; } = source;

    /// <summary>Files handed to dcmdump (the original and one per syntax), each with its problems.</summary>
    public List<(string File, IReadOnlyList<string> Problems)> Dumps { get; } = [];

    /// <summary>Failures of our own conversion steps (exceptions), by step.</summary>
    public List<string> ConversionFailures { get; } = [];

    public bool? RoundTripIdentical { get; set; }

    public bool Passed =>
        ConversionFailures.Count == 0 && RoundTripIdentical == true && Dumps.All(dump => dump.Problems.Count == 0);
}
