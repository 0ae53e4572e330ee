namespace Conformance.Harness.Sut;

/// <summary>The SUT cannot do what a case needs (e.g. restrict calling AE titles): the case is not applicable to it, with this reason.</summary>
public sealed class SutCapabilityException : Exception
{
    public SutCapabilityException()
    {
    }

    public SutCapabilityException(string message)
        : base(message)
    {
    }

    public SutCapabilityException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
