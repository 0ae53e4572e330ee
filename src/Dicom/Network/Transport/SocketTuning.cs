using System.Net.Sockets;

namespace Conformance.Dicom.Network.Transport;

/// <summary>Applies <see cref="ConnectionOptions"/> to a socket.</summary>
internal static class SocketTuning
{
    private const int IpProtoTcp = 6;
    private const int TcpQuickAck = 12;

    public static void BeforeConnect(Socket socket, ConnectionOptions options)
    {
        socket.NoDelay = options.NoDelay;
        if (options.SendBufferSize is { } send)
        {
            socket.SendBufferSize = send;
        }

        if (options.ReceiveBufferSize is { } receive)
        {
            socket.ReceiveBufferSize = receive;
        }
    }

    public static void AfterConnect(Socket socket, ConnectionOptions options)
    {
        socket.NoDelay = options.NoDelay;
        if (options.ReceiveBufferSizeAfterConnect is { } shrunk)
        {
            socket.ReceiveBufferSize = shrunk;
        }

        ArmQuickAck(socket, options);
    }

    /// <summary>TCP_QUICKACK is not sticky on Linux: the kernel returns to delayed ACKs after a send, so it is set around every receive.</summary>
    public static void ArmQuickAck(Socket socket, ConnectionOptions options)
    {
        if (options.QuickAck && OperatingSystem.IsLinux())
        {
            Span<byte> on = [1, 0, 0, 0];
            socket.SetRawSocketOption(IpProtoTcp, TcpQuickAck, on);
        }
    }
}
