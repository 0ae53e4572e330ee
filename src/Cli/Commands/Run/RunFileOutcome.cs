namespace Conformance.Cli.Commands.Run;

/// <summary>What happened to one generated object: its conversions, DCMTK's verdicts, the round trips.</summary>
internal sealed class RunFileOutcome(string modality, string source)
{
    public string Modality { get; } = modality;

    public string Source { get; } = source;

    /// <summary>Files handed to dcmdump (the original and one per conversion), each with its problems.</summary>
    public List<(string File, IReadOnlyList<string> Problems)> Dumps { get; } = [];

    /// <summary>Failures of our own conversion steps (exceptions), by step.</summary>
    public List<string> ConversionFailures { get; } = [];

    /// <summary>implicit-le -> explicit-be -> deflated -> implicit-le gave the same bytes.</summary>
    public bool? CycleIdentical { get; set; }

    /// <summary>The final explicit-le file has the original's bytes (true when implicit VR lost nothing).</summary>
    public bool? BackToOriginalBytes { get; set; }

    /// <summary>Differences from the original that implicit VR explains (8-bit Pixel Data as OW, private VRs as UN).</summary>
    public List<string> ImplicitVrChanges { get; } = [];

    /// <summary>Any other difference from the original: a failure.</summary>
    public List<string> ContentDifferences { get; } = [];

    public bool Passed =>
        ConversionFailures.Count == 0 && CycleIdentical == true && ContentDifferences.Count == 0 &&
        Dumps.All(dump => dump.Problems.Count == 0);
}
