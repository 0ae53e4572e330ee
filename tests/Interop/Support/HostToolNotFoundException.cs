namespace Conformance.Interop.Tests.Support;

/// <summary>A host tool the test needs is not installed: the test fails and says how to get it.</summary>
public sealed class HostToolNotFoundException : Exception
{
    public HostToolNotFoundException(string tool, string hint)
        : base($"Host tool '{tool}' was not found on PATH ({Environment.GetEnvironmentVariable("PATH")}). {hint}")
    {
        Tool = tool;
    }

    public HostToolNotFoundException()
    {
        Tool = string.Empty;
    }

    public HostToolNotFoundException(string message)
        : base(message)
    {
        Tool = string.Empty;
    }

    public HostToolNotFoundException(string message, Exception innerException)
        : base(message, innerException)
    {
        Tool = string.Empty;
    }

    public string Tool { get; }
}
