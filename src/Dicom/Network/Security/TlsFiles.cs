using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Conformance.Dicom.Network.Security;

/// <summary>Certificates and keys from PEM files, the form DCMTK's <c>+tls key cert</c> and <c>+cf</c> take.</summary>
public static class TlsFiles
{
    /// <summary>A certificate with its private key (PEM, the key unencrypted: PKCS#8, PKCS#1 or SEC1).</summary>
    /// <exception cref="TlsConfigurationException">A file is missing or does not hold what it should.</exception>
    public static X509Certificate2 CertificateWithKey(string certificatePath, string keyPath)
    {
        ArgumentNullException.ThrowIfNull(certificatePath);
        ArgumentNullException.ThrowIfNull(keyPath);
        try
        {
            var certificate = X509Certificate2.CreateFromPemFile(certificatePath, keyPath);
            return certificate.HasPrivateKey ? certificate : throw new TlsConfigurationException($"{keyPath} holds no private key for {certificatePath}");
        }
        catch (Exception ex) when (ex is CryptographicException or IOException or UnauthorizedAccessException or ArgumentException)
        {
            throw new TlsConfigurationException($"cannot load the certificate {certificatePath} with the key {keyPath}: {ex.Message}", ex);
        }
    }

    /// <summary>Every certificate in a PEM file (one CA or a bundle).</summary>
    /// <exception cref="TlsConfigurationException">The file is missing or holds no certificate.</exception>
    public static X509Certificate2Collection Authorities(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var authorities = new X509Certificate2Collection();
        try
        {
            authorities.ImportFromPemFile(path);
        }
        catch (Exception ex) when (ex is CryptographicException or IOException or UnauthorizedAccessException)
        {
            throw new TlsConfigurationException($"cannot read certificates from {path}: {ex.Message}", ex);
        }

        return authorities.Count > 0 ? authorities : throw new TlsConfigurationException($"{path} holds no PEM certificate");
    }
}
