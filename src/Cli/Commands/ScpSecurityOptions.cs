using System.CommandLine;
using Conformance.Cli.Hosting;
using Conformance.Cli.Options;
using Conformance.Dicom.Network.Security;
using Conformance.Scp;

namespace Conformance.Cli.Commands;

/// <summary>
/// `conformance scp`'s security options (docs/security.md): DICOM TLS (`--tls-cert F --tls-key F [--tls-ca F]
/// [--tls-require-client-cert]`), AE allow-lists (`--allow-calling AE[@CIDR]`, `--allow-called AE`) and user
/// identities (`--user NAME[:PASS]`). Bad values and unusable files are usage errors.
/// </summary>
internal sealed class ScpSecurityOptions
{
    public Option<string?> TlsCert { get; } = new("--tls-cert") { Description = "PEM file of our certificate: turns on DICOM TLS on --port (with --tls-key)" };

    public Option<string?> TlsKey { get; } = new("--tls-key") { Description = "PEM file of our certificate's private key, unencrypted" };

    public Option<string?> TlsCa { get; } = new("--tls-ca") { Description = "PEM file of the certification authorities client certificates must chain to (asks clients for one)" };

    public Option<bool> TlsRequireClientCert { get; } = new("--tls-require-client-cert") { Description = "Refuse TLS clients without a certificate (needs --tls-ca)" };

    public Option<string[]> AllowCalling { get; } = new("--allow-calling") { Description = "Calling AE title allowed, optionally only from an address range: AE or AE@10.0.0.0/8 (repeatable; default: any)" };

    public Option<string[]> AllowCalled { get; } = new("--allow-called") { Description = "Called AE title answered to besides --ae (repeatable)" };

    public Option<string[]> Users { get; } = new("--user") { Description = "User identity required of every association: NAME:PASS, or NAME for a name alone (repeatable)" };

    public void AddTo(Command command)
    {
        ArgumentNullException.ThrowIfNull(command);
        foreach (var option in new Option[] { TlsCert, TlsKey, TlsCa, TlsRequireClientCert, AllowCalling, AllowCalled, Users })
        {
            command.Options.Add(option);
        }
    }

    /// <summary><paramref name="options"/> with what the command line asks for; one line per setting goes to <paramref name="log"/>.</summary>
    public DicomServerOptions Apply(ParseResult result, DicomServerOptions options, Action<string> log)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(log);
        var calling = Parse(result.GetValue(AllowCalling), "--allow-calling", AeAccessRule.Parse);
        var called = (result.GetValue(AllowCalled) ?? []).Select(ae => AeTitles.Check(ae, "--allow-called")).ToList();
        var users = result.GetValue(Users) is { Length: > 0 } entries ? Parse([entries], "--user", UserCredentials.Parse).Single() : null;
        var tls = Tls(result);
        log(tls is null ? "DICOM TLS: off (plain TCP)" : $"DICOM TLS: certificate {tls.Certificate.Subject}, client certificates {(tls.RequireClientCertificate ? "required" : tls.TrustedAuthorities is null ? "not asked for" : "verified when presented")}");
        log(calling.Count == 0 ? "calling AE titles: any" : $"calling AE titles allowed: {string.Join(", ", calling)}");
        log(users is null ? "user identity: not required" : $"user identity required: {users.Users.Count} user(s) configured");
        return options with
        {
            AllowedCallingAes = calling.Count == 0 ? null : calling,
            AllowedCalledAes = called,
            Credentials = users,
            Tls = tls,
        };
    }

    private TlsServerOptions? Tls(ParseResult result)
    {
        var (certificate, key, ca) = (result.GetValue(TlsCert), result.GetValue(TlsKey), result.GetValue(TlsCa));
        var require = result.GetValue(TlsRequireClientCert);
        if (certificate is null || key is null)
        {
            return (certificate ?? key ?? ca) is null && !require ? null : throw CliException.Usage("--tls-cert and --tls-key turn on TLS; --tls-ca and --tls-require-client-cert need them");
        }

        if (require && ca is null)
        {
            throw CliException.Usage("--tls-require-client-cert needs --tls-ca (the authorities that issue client certificates)");
        }

        try
        {
            return new TlsServerOptions
            {
                Certificate = TlsFiles.CertificateWithKey(certificate, key),
                TrustedAuthorities = ca is null ? null : TlsFiles.Authorities(ca),
                RequireClientCertificate = require,
            };
        }
        catch (TlsConfigurationException ex)
        {
            throw CliException.Usage(ex.Message);
        }
    }

    private static List<T> Parse<TIn, T>(IEnumerable<TIn>? values, string option, Func<TIn, T> parse)
    {
        try
        {
            return (values ?? []).Select(parse).ToList();
        }
        catch (FormatException ex)
        {
            throw CliException.Usage($"{option}: {ex.Message}");
        }
    }
}
