namespace Conformance.Interop.Tests.Support;

/// <summary>
/// Host tools the interop tests need. A missing tool fails the test with a message that says how
/// to install it: a test that silently passes without its peer would prove nothing.
/// </summary>
public static class HostTools
{
    private const string DcmtkHint = "These tests cross-check against DCMTK on the host: apt-get install dcmtk (.ci/run installs it).";

    /// <summary>Fails the current test unless every named tool is on PATH.</summary>
    public static void Require(params string[] tools)
    {
        var missing = tools.Where(tool => HostProcessRunner.FindOnPath(tool) is null).ToList();
        if (missing.Count > 0)
        {
            Assert.Fail($"Required host tool(s) missing: {string.Join(", ", missing)}. {DcmtkHint}");
        }
    }
}
