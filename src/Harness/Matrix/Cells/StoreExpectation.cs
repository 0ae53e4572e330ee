namespace Conformance.Harness.Matrix.Cells;

/// <summary>What a store case expects of the object's transfer syntax at the receiver.</summary>
public enum StoreExpectation
{
    /// <summary>It arrives in its own syntax, byte for byte where no transcoding happened.</summary>
    ArrivesAsSent,

    /// <summary>The receiver accepts only implicit VR little endian: the sender converts, the content arrives unchanged.</summary>
    ConvertedToImplicit,

    /// <summary>The receiver accepts no syntax the sender may use: a clear failure, and nothing sent on an unaccepted context.</summary>
    Refused,
}
