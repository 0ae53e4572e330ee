namespace Conformance.Harness.Peers.Dcmtk;

/// <summary>DCMTK's log levels as its tools take them on the command line.</summary>
public enum DcmtkLogLevel
{
    Quiet,
    Verbose,
    Debug,
}
