namespace Conformance.Harness.Setup;

/// <summary>Setup cannot go on: the message says what is missing and how to get it.</summary>
public sealed class HarnessSetupException : Exception
{
    public HarnessSetupException()
    {
    }

    public HarnessSetupException(string message)
        : base(message)
    {
    }

    public HarnessSetupException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
