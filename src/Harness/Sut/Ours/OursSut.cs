using Conformance.Dicom;

namespace Conformance.Harness.Sut.Ours;

/// <summary>
/// Our stack in this process: <c>DicomScu</c> (src/Dicom) as the SCU and the SCP application
/// <c>DicomServer</c> (src/Scp) as the SCP. The worked example of the C# adapter interface.
/// </summary>
public sealed class OursSut : ISystemUnderTest
{
    public const string SutName = "ours";

    public string Name => SutName;

    public string Version => $"{DicomImplementation.VersionName} ({DicomImplementation.ClassUid})";

    public ISutScu Scu { get; } = new OursScu();

    public async Task<ISutScp> StartScpAsync(SutScpRequest request, CancellationToken cancellationToken) =>
        await OursScp.StartAsync(request, cancellationToken).ConfigureAwait(false);

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
