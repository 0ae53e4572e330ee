namespace Conformance.Harness.Processes;

/// <summary>A program to run is not installed: the caller fails with a message that says how to get it.</summary>
public sealed class ToolNotFoundException : FileNotFoundException
{
    public ToolNotFoundException(string tool, string hint)
        : base($"Host tool '{tool}' was not found on PATH ({Environment.GetEnvironmentVariable("PATH")}). {hint}", tool)
    {
        Tool = tool;
    }

    public ToolNotFoundException()
    {
        Tool = string.Empty;
    }

    public ToolNotFoundException(string message)
        : base(message)
    {
        Tool = string.Empty;
    }

    public ToolNotFoundException(string message, Exception innerException)
        : base(message, innerException)
    {
        Tool = string.Empty;
    }

    public string Tool { get; }
}
