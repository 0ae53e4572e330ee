namespace Conformance.Harness;

internal static class HarnessInfo;
