using Conformance.Harness.Peers.Dcmtk;
using Conformance.Harness.Peers.Orthanc;
using Conformance.Harness.Peers.Tools;

namespace Conformance.Unit.Tests.Harness.Peers;

public sealed class DcmtkOptionsTests
{
    [Test]
    public void Defaults_leave_dcmtk_alone_except_debug_logging()
    {
        var options = new DcmtkOptions();

        options.Environment().Should().BeEmpty();
        options.Arguments().Should().Equal("-d");
    }

    [Test]
    public void Knobs_become_environment_variables_and_arguments()
    {
        var options = new DcmtkOptions { TcpNoDelay = true, TcpBufferLength = 65536, MaxPdu = 131072, LogLevel = DcmtkLogLevel.Quiet };

        options.Environment().Should().Equal(new Dictionary<string, string> { ["TCP_NODELAY"] = "1", ["TCP_BUFFER_LENGTH"] = "65536" });
        options.Arguments().Should().Equal("--max-pdu", "131072");
    }

    [Test]
    public void Builders_are_immutable()
    {
        var shared = new DcmtkStoreScpBuilder();

        var derived = shared.WithAeTitle("OTHER").WithArguments("--refuse");

        shared.AeTitle.Should().Be("STORESCP");
        shared.ExtraArguments.Should().BeEmpty();
        derived.AeTitle.Should().Be("OTHER");
        derived.ExtraArguments.Should().Equal("--refuse");
    }

    [Test]
    public void Echo_command_carries_options_and_titles()
    {
        var command = ScuCommands.EchoScu("198.19.1.10", 11112, "CALLED", "CALLING", new DcmtkOptions { TcpNoDelay = false, LogLevel = DcmtkLogLevel.Verbose });

        command.ToString().Should().Be("TCP_NODELAY=0 echoscu -v -aet CALLING -aec CALLED 198.19.1.10 11112");
    }

    [Test]
    public void Orthanc_configuration_has_the_peer_title_and_ports()
    {
        var json = System.Text.Encoding.UTF8.GetString(OrthancConfiguration.Render("ORTHANC2", 4300, 8100));

        json.Should().Contain("\"DicomAet\": \"ORTHANC2\"").And.Contain("\"DicomPort\": 4300").And.Contain("\"HttpPort\": 8100");
    }
}
