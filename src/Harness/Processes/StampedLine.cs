namespace Conformance.Harness.Processes;

/// <summary>One line a process printed, with the <see cref="System.Diagnostics.Stopwatch"/> timestamp of its arrival here.</summary>
public readonly record struct StampedLine(long Timestamp, bool FromStandardError, string Text);
