using Conformance.Harness.Peers.Dcmtk;

namespace Conformance.Harness.Scenarios.Seed2016;

/// <summary>
/// The DCMTK environment a 2016 run uses for every DCMTK (and Orthanc, which links DCMTK) process: "without the
/// fix" as DCMTK behaved then, for each mechanism, and "with the fix". Our stack and GDCM ignore these knobs.
/// </summary>
public sealed record FixSetting(string Key, string Title, DcmtkOptions Dcmtk, bool MechanismB)
{
    /// <summary>Mechanism A: DCMTK's defaults, Nagle on both sides.</summary>
    public static FixSetting WithoutFixNagle { get; } = new("without-fix-a", "without the fix: DCMTK defaults (Nagle on)", new DcmtkOptions { TcpNoDelay = false }, false);

    /// <summary>Mechanism B: 16 KB socket buffers set after connect (what DCMTK forced in 2016, as 64 KB); Nagle off to isolate it.</summary>
    public static FixSetting WithoutFixSmallBuffers { get; } = new("without-fix-b", "without the fix: TCP_BUFFER_LENGTH=16384", new DcmtkOptions { TcpNoDelay = true, TcpBufferLength = 16384 }, true);

    /// <summary>TCP_NODELAY=1, buffers left to the kernel.</summary>
    public static FixSetting WithFix { get; } = new("with-fix", "with the fix: TCP_NODELAY=1, default buffers", new DcmtkOptions { TcpNoDelay = true }, false);

    public static IReadOnlyList<FixSetting> All { get; } = [WithoutFixNagle, WithoutFixSmallBuffers, WithFix];

    public override string ToString() => Key;
}
