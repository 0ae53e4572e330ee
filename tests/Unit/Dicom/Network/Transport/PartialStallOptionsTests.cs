using Conformance.Dicom.Network.Transport;

namespace Conformance.Unit.Tests.Dicom.Network.Transport;

/// <summary>The partial-stall canary's mode: Nagle on throughout, split writes on every Nth message only.</summary>
public class PartialStallOptionsTests
{
    [Test]
    public void Every_third_message_is_split_and_nagle_stays_on_for_all()
    {
        var options = ConnectionOptions.PartiallyPathological(3);

        Enumerable.Range(1, 9).Where(n => options.SplitsMessage(n)).Should().Equal(3, 6, 9);
        options.NoDelay.Should().BeFalse();
        options.ReceiveBufferSizeAfterConnect.Should().BeNull("only the split writes under Nagle, nothing else of the pathological mode");
    }

    [Test]
    public void The_full_pathological_mode_splits_every_message_and_the_defaults_none()
    {
        Enumerable.Range(1, 5).Should().OnlyContain(n => ConnectionOptions.Pathological.SplitsMessage(n));
        Enumerable.Range(1, 5).Should().NotContain(n => ConnectionOptions.Default.SplitsMessage(n));
    }
}
