using System.Net.Security;
using System.Net.Sockets;
using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;

namespace Conformance.Dicom.Network.Security;

/// <summary>
/// The TLS handshake on a connected socket, before any PDU (PS3.15 B: TLS carries the whole association). Failures
/// become <see cref="TlsHandshakeException"/> naming the cause: a refused certificate, a plain DICOM peer on a TLS
/// port, silence. The socket stays tuned as it was (TCP_NODELAY, TCP_QUICKACK live on the socket under the stream).
/// </summary>
public static class TlsHandshake
{
    /// <summary>The first byte of a TLS record carrying a handshake message (RFC 8446 5.1); a plain DICOM peer starts with 0x01, A-ASSOCIATE-RQ.</summary>
    private const byte HandshakeRecord = 0x16;

    public static async Task<(SslStream Stream, TlsSession Session)> AcceptAsync(Socket socket, TlsServerOptions options, TimeSpan timeout, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(socket);
        ArgumentNullException.ThrowIfNull(options);
        var peer = socket.RemoteEndPoint?.ToString() ?? "peer";
        using var bound = CancellationTokenSource.CreateLinkedTokenSource(ct);
        bound.CancelAfter(timeout);
        var first = new byte[1];
        try
        {
            if (await socket.ReceiveAsync(first, SocketFlags.Peek, bound.Token).ConfigureAwait(false) == 0)
            {
                throw new TlsHandshakeException($"TLS handshake with {peer} failed: the connection closed before the handshake");
            }
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            throw new TlsHandshakeException($"TLS handshake with {peer} failed: no ClientHello within {timeout.TotalSeconds:0.###} s");
        }
        catch (SocketException ex)
        {
            throw new TlsHandshakeException($"TLS handshake with {peer} failed: {ex.Message}", ex);
        }

        if (first[0] != HandshakeRecord)
        {
            throw new TlsHandshakeException(first[0] == 0x01
                ? $"TLS handshake with {peer} failed: plain DICOM (an A-ASSOCIATE-RQ) arrived on the TLS port; connection closed"
                : $"TLS handshake with {peer} failed: not a TLS handshake (first byte 0x{first[0]:X2}); connection closed");
        }

        var check = new PeerCertificateCheck(options.TrustedAuthorities, options.RequireClientCertificate, peerIsClient: true);
        var authentication = new SslServerAuthenticationOptions
        {
            ServerCertificateContext = SslStreamCertificateContext.Create(options.Certificate, additionalCertificates: null, offline: true),
            ClientCertificateRequired = options.TrustedAuthorities is not null,
            RemoteCertificateValidationCallback = check.Validate,
            EnabledSslProtocols = options.Protocols,
            CertificateRevocationCheckMode = X509RevocationMode.NoCheck,
        };
        return await AuthenticateAsync(socket, peer, check, timeout, (stream, token) => stream.AuthenticateAsServerAsync(authentication, token), ct).ConfigureAwait(false);
    }

    public static Task<(SslStream Stream, TlsSession Session)> ConnectAsync(Socket socket, TlsClientOptions options, string host, TimeSpan timeout, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(socket);
        ArgumentNullException.ThrowIfNull(options);
        var check = new PeerCertificateCheck(options.TrustedAuthorities, required: true, peerIsClient: false);
        var authentication = new SslClientAuthenticationOptions
        {
            TargetHost = options.ServerName ?? host,
            ClientCertificates = options.Certificate is null ? null : new X509CertificateCollection { options.Certificate },
            RemoteCertificateValidationCallback = check.Validate,
            EnabledSslProtocols = options.Protocols,
            CertificateRevocationCheckMode = X509RevocationMode.NoCheck,
        };
        return AuthenticateAsync(socket, $"{host} ({socket.RemoteEndPoint})", check, timeout, (stream, token) => stream.AuthenticateAsClientAsync(authentication, token), ct);
    }

    private static async Task<(SslStream Stream, TlsSession Session)> AuthenticateAsync(
        Socket socket, string peer, PeerCertificateCheck check, TimeSpan timeout, Func<SslStream, CancellationToken, Task> authenticate, CancellationToken ct)
    {
        var stream = new SslStream(new NetworkStream(socket, ownsSocket: false), leaveInnerStreamOpen: false);
        using var bound = CancellationTokenSource.CreateLinkedTokenSource(ct);
        bound.CancelAfter(timeout);
        try
        {
            await authenticate(stream, bound.Token).ConfigureAwait(false);
            return (stream, new TlsSession(stream.SslProtocol, stream.NegotiatedCipherSuite, check.PeerSubject));
        }
        catch (Exception ex) when (ex is AuthenticationException or IOException or SocketException or OperationCanceledException)
        {
            await stream.DisposeAsync().ConfigureAwait(false);
            if (ex is OperationCanceledException && ct.IsCancellationRequested)
            {
                throw;
            }

            var cause = check.Failure ?? (ex is OperationCanceledException ? $"not completed within {timeout.TotalSeconds:0.###} s" : Innermost(ex));
            throw new TlsHandshakeException($"TLS handshake with {peer} failed: {cause}", ex);
        }
    }

    /// <summary>OpenSSL's own words (e.g. "tlsv1 alert unknown ca") sit at the bottom of the exception chain.</summary>
    private static string Innermost(Exception ex)
    {
        while (ex.InnerException is { } inner)
        {
            ex = inner;
        }

        return ex.Message;
    }
}
