namespace Conformance.Fuzz.Targets;

/// <summary>
/// One entry point under fuzzing. <see cref="Run"/> returns for every input that the code under test
/// handles as documented (parsed, or refused with its documented exception); anything else escapes and
/// is a finding (afl-fuzz records it as a crash).
/// </summary>
internal interface IFuzzTarget
{
    /// <summary>Short name: the corpus folder and the driver's argument.</summary>
    string Name { get; }

    /// <summary>What the target feeds the bytes to, and which exceptions are the documented refusal.</summary>
    string Description { get; }

    void Run(ReadOnlySpan<byte> input);
}
