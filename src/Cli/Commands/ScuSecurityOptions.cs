using System.CommandLine;
using Conformance.Cli.Hosting;
using Conformance.Dicom.Network.Association.Negotiation;
using Conformance.Dicom.Network.Security;
using Conformance.Dicom.Network.Transport;

namespace Conformance.Cli.Commands;

/// <summary>
/// The SCU commands' security options (docs/security.md): `--tls [--tls-ca F] [--tls-cert F --tls-key F]` (DICOM TLS,
/// PS3.15 B) and `--user NAME [--password P]` (user identity, PS3.7 D.3.3.7). A file that cannot be used is a usage error.
/// </summary>
internal sealed class ScuSecurityOptions
{
    public Option<bool> Tls { get; } = new("--tls") { Description = "Connect with DICOM TLS; the server's certificate is verified (against --tls-ca, else the system's roots)" };

    public Option<string?> TlsCa { get; } = new("--tls-ca") { Description = "PEM file of the certification authorities the server's certificate must chain to" };

    public Option<string?> TlsCert { get; } = new("--tls-cert") { Description = "PEM file of our client certificate (with --tls-key)" };

    public Option<string?> TlsKey { get; } = new("--tls-key") { Description = "PEM file of our client certificate's private key, unencrypted" };

    public Option<string?> User { get; } = new("--user") { Description = "User identity sent in A-ASSOCIATE-RQ: user name" };

    public Option<string?> Password { get; } = new("--password") { Description = "Passcode for --user (visible to other local users in the process list)" };

    public void AddTo(Command command)
    {
        ArgumentNullException.ThrowIfNull(command);
        foreach (var option in new Option[] { Tls, TlsCa, TlsCert, TlsKey, User, Password })
        {
            command.Options.Add(option);
        }
    }

    /// <summary><paramref name="options"/> with TLS when asked for.</summary>
    public ConnectionOptions Apply(ParseResult result, ConnectionOptions options)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(options);
        var (ca, certificate, key) = (result.GetValue(TlsCa), result.GetValue(TlsCert), result.GetValue(TlsKey));
        if (!result.GetValue(Tls))
        {
            return (ca ?? certificate ?? key) is null ? options : throw CliException.Usage("--tls-ca, --tls-cert and --tls-key need --tls");
        }

        if ((certificate is null) != (key is null))
        {
            throw CliException.Usage("--tls-cert and --tls-key go together");
        }

        try
        {
            return options with
            {
                TlsClient = new TlsClientOptions
                {
                    TrustedAuthorities = ca is null ? null : TlsFiles.Authorities(ca),
                    Certificate = certificate is null ? null : TlsFiles.CertificateWithKey(certificate, key!),
                },
            };
        }
        catch (TlsConfigurationException ex)
        {
            throw CliException.Usage(ex.Message);
        }
    }

    /// <summary>The identity to present (a positive response is asked for, so the server confirms it); null without --user.</summary>
    public UserIdentity? Identity(ParseResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var (user, password) = (result.GetValue(User), result.GetValue(Password));
        return user switch
        {
            null when password is not null => throw CliException.Usage("--password needs --user"),
            null => null,
            "" => throw CliException.Usage("--user cannot be empty"),
            _ when password is null => UserIdentity.Username(user, positiveResponseRequested: true),
            _ => UserIdentity.UsernameAndPasscode(user, password, positiveResponseRequested: true),
        };
    }
}
