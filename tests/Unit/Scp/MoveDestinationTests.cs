using Conformance.Scp;

namespace Conformance.Unit.Tests.Scp;

public class MoveDestinationTests
{
    [Test]
    public void Parses_AE_host_and_port()
    {
        MoveDestination.Parse("STORESCP=127.0.0.1:11112").Should().Be(new MoveDestination("STORESCP", "127.0.0.1", 11112));
    }

    [TestCase("STORESCP")]
    [TestCase("=127.0.0.1:104")]
    [TestCase("A=127.0.0.1")]
    [TestCase("A=127.0.0.1:0")]
    [TestCase("A=127.0.0.1:x")]
    [TestCase("AAAAAAAAAAAAAAAAA=h:104")]
    public void Rejects_malformed_entries_with_a_clear_message(string text)
    {
        var act = () => MoveDestination.Parse(text);

        act.Should().Throw<FormatException>().WithMessage("*" + text.Split('=')[0] + "*");
    }
}
