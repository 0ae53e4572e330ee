namespace Conformance.Harness.Matrix.Cells;

/// <summary>What a store case expects of the object's transfer syntax at the receiver.</summary>
public enum StoreExpectation
{
    /// <summary>It arrives in its own syntax, byte for byte where no transcoding happened.</summary>
    ArrivesAsSent,

    /// <summary>The receiver accepts only implicit VR little endian: the sender converts, the content arrives unchanged.</summary>
    ConvertedToImplicit,

    /// <summary>
    /// The receiver does not accept the object's syntax: the sender converts it into an uncompressed syntax the
    /// receiver accepted (content unchanged) or fails with a clear message, and never sends on an unaccepted context.
    /// </summary>
    Refused,
}
