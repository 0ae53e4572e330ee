using Conformance.Budgets;
using Conformance.Harness.Scenarios.Wire;
using Conformance.Unit.Tests.Support;

namespace Conformance.Unit.Tests.Harness.Scenarios.Wire;

/// <summary>A capture read into operations, set-ups and timer gaps, on scripted connections.</summary>
public class WireTimelineTests
{
    private const int Rsp = 144;

    private static byte[] Response(int part) => part switch
    {
        0 => SyntheticCapture.Pdu(4, Rsp, control: 3)[..12],
        _ => SyntheticCapture.Pdu(4, Rsp, control: 3)[12..],
    };

    private static WireTimeline Read(SyntheticCapture capture)
    {
        using var folder = new TempDirectory();
        return WireTimeline.Read(capture.Write(Path.Combine(folder.Path, "traffic.pcap")), SyntheticCapture.ServerPort);
    }

    [Test]
    public void A_response_held_by_nagle_until_the_callers_delayed_ack_is_a_timer_gap_held_by_the_server()
    {
        var capture = new SyntheticCapture().Handshake(0)
            .Data(1, client: true, SyntheticCapture.Pdu(1, 200))
            .Data(3, client: false, SyntheticCapture.Pdu(2, 180))
            .Data(4, client: true, SyntheticCapture.Pdu(4, 500, control: 3))
            .Data(6, client: false, Response(0))
            .BareAck(47, client: true)
            .Data(47.05, client: false, Response(1))
            .Data(48, client: true, SyntheticCapture.Pdu(4, 500, control: 3))
            .Data(50, client: false, SyntheticCapture.Pdu(4, Rsp, control: 3));

        var timeline = Read(capture);

        timeline.Connections.Should().ContainSingle();
        timeline.Setups.Single().TotalMilliseconds.Should().BeApproximately(3, 0.01);
        timeline.Operations.Select(o => Math.Round(o.TotalMilliseconds, 2)).Should().Equal(44.05, 2.95);
        var gap = timeline.Connections[0].Gaps.Should().ContainSingle().Subject;
        gap.Duration.TotalMilliseconds.Should().BeApproximately(41, 0.01);
        gap.Holder.Should().Be(WireEnd.Server);
        timeline.GapsFor(WireEnd.Client).Single().Holder.Should().Be(WireSide.Peer);
    }

    [Test]
    public void The_servers_turn_runs_from_the_clients_last_data_to_the_response()
    {
        var capture = new SyntheticCapture().Handshake(0)
            .Data(1, client: true, SyntheticCapture.Pdu(1, 200))
            .Data(3, client: false, SyntheticCapture.Pdu(2, 180))
            .Data(4, client: true, SyntheticCapture.Pdu(4, 500, control: 3))
            .Data(10, client: true, SyntheticCapture.Pdu(4, 900, control: 2))
            .BareAck(11, client: true)
            .Data(30, client: false, SyntheticCapture.Pdu(4, Rsp, control: 3))
            .Data(31, client: true, SyntheticCapture.Pdu(4, 500, control: 3))
            .Data(33, client: false, SyntheticCapture.Pdu(4, Rsp, control: 3));

        var timeline = Read(capture);

        timeline.Operations.Select(o => Math.Round(o.TotalMilliseconds, 2)).Should().Equal(27, 3);
        timeline.Answers.Select(o => Math.Round(o.TotalMilliseconds, 2)).Should().Equal([20, 2], "a bare ACK is no data: the server's turn starts at the request's last byte");
        timeline.ClientParts()!.Select(o => Math.Round(o.TotalMilliseconds, 2)).Should().Equal([7, 1], "each operation less the server's turn: the client's sending");
    }

    [Test]
    public void A_bare_ack_after_an_idle_gap_with_nothing_released_is_no_timer_evidence()
    {
        var capture = new SyntheticCapture().Handshake(0)
            .Data(1, client: true, SyntheticCapture.Pdu(1, 200))
            .Data(3, client: false, SyntheticCapture.Pdu(2, 180))
            .Data(4, client: true, SyntheticCapture.Pdu(4, 500, control: 3))
            .BareAck(44, client: false)
            .Data(70, client: false, SyntheticCapture.Pdu(4, Rsp, control: 3));

        var gaps = Read(capture).Connections[0].Gaps;

        gaps.Should().HaveCount(2).And.OnlyContain(g => g.Holder == WireEnd.Unknown, "a busy server delays its ACK too, but nothing waited for it");
    }

    [Test]
    public void A_window_below_the_segment_size_then_a_probe_after_the_persist_timer_is_held_by_the_sender()
    {
        var capture = new SyntheticCapture().Handshake(0, mss: 65483, scale: 0)
            .Data(1, client: true, SyntheticCapture.Pdu(1, 200))
            .Data(3, client: false, SyntheticCapture.Pdu(2, 180))
            .Data(4, client: true, SyntheticCapture.Pdu(4, 8000, control: 3)[..8000])
            .BareAck(4.1, client: false, window: 8192)
            .Data(210, client: true, SyntheticCapture.Pdu(4, 8000, control: 3)[8000..])
            .Data(211, client: false, SyntheticCapture.Pdu(4, Rsp, control: 3));

        var gap = Read(capture).Connections[0].Gaps.Should().ContainSingle().Subject;

        gap.Duration.TotalMilliseconds.Should().BeApproximately(205.9, 0.01);
        gap.Holder.Should().Be(WireEnd.Client);
    }

    [Test]
    public void The_same_packet_seen_on_two_interfaces_counts_once()
    {
        var capture = new SyntheticCapture().Handshake(0)
            .Data(1, client: true, SyntheticCapture.Pdu(1, 200)).Duplicate(1.01)
            .Data(3, client: false, SyntheticCapture.Pdu(2, 180)).Duplicate(3.02)
            .Data(4, client: true, SyntheticCapture.Pdu(4, 500, control: 3))
            .Data(6, client: false, SyntheticCapture.Pdu(4, Rsp, control: 3)).Duplicate(6.01);

        var timeline = Read(capture);

        timeline.Operations.Should().ContainSingle();
        timeline.Lost.Should().BeFalse();
    }

    [Test]
    public void A_server_segment_the_capture_missed_marks_the_connection_incomplete_instead_of_miscounting()
    {
        var whole = SyntheticCapture.Pdu(4, Rsp, control: 3);
        var capture = new SyntheticCapture().Handshake(0)
            .Data(1, client: true, SyntheticCapture.Pdu(1, 200))
            .Data(3, client: false, SyntheticCapture.Pdu(2, 180))
            .Data(4, client: true, SyntheticCapture.Pdu(4, 500, control: 3))
            .Data(6, client: false, whole)
            .Data(8, client: true, SyntheticCapture.Pdu(4, 500, control: 3))
            .Missed(client: false, 12)
            .Data(9, client: false, whole[12..]);

        var timeline = Read(capture);

        timeline.Lost.Should().BeTrue();
        timeline.Operations.Should().ContainSingle("the response after the hole cannot be placed");
    }
}
