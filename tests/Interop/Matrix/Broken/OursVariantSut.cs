using Conformance.Harness.Sut;
using Conformance.Harness.Sut.Ours;

namespace Conformance.Interop.Tests.Matrix.Broken;

/// <summary>Our stack with one thing changed from outside it: a broken double overrides the role it breaks and keeps the other as ours.</summary>
internal abstract class OursVariantSut(string name, string change) : ISystemUnderTest
{
    protected OursSut Ours { get; } = new();

    public string Name => name;

    public string Version => $"{Ours.Version}, {change}";

    public virtual ISutScu Scu => Ours.Scu;

    public virtual Task<ISutScp> StartScpAsync(SutScpRequest request, CancellationToken cancellationToken) => Ours.StartScpAsync(request, cancellationToken);

    public ValueTask DisposeAsync() => Ours.DisposeAsync();
}
