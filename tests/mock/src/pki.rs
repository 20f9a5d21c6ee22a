//! A throw-away test PKI (CA, server and client certificates) generated with rcgen.

use rcgen::{
    BasicConstraints, CertificateParams, CertifiedIssuer, DnType, ExtendedKeyUsagePurpose, IsCa,
    KeyPair, KeyUsagePurpose, SanType,
};
use std::path::Path;

/// PEM files of a CA, a server certificate for 127.0.0.1/localhost/::1 and a client certificate.
#[derive(Debug, Clone)]
pub struct TestPki {
    /// The CA certificate (trust anchor for both sides).
    pub ca_pem: String,
    /// Server certificate signed by the CA.
    pub server_cert_pem: String,
    /// Server private key.
    pub server_key_pem: String,
    /// Client certificate signed by the CA.
    pub client_cert_pem: String,
    /// Client private key.
    pub client_key_pem: String,
}

impl TestPki {
    /// Generate a fresh PKI (ECDSA P-256 keys).
    pub fn generate() -> TestPki {
        Self::try_generate().expect("rcgen failed to generate the test PKI")
    }

    fn try_generate() -> Result<TestPki, rcgen::Error> {
        let mut ca_params = CertificateParams::new(Vec::<String>::new())?;
        ca_params
            .distinguished_name
            .push(DnType::CommonName, "mxs-mock test CA");
        ca_params.is_ca = IsCa::Ca(BasicConstraints::Unconstrained);
        ca_params.key_usages = vec![
            KeyUsagePurpose::KeyCertSign,
            KeyUsagePurpose::CrlSign,
            KeyUsagePurpose::DigitalSignature,
        ];
        let ca = CertifiedIssuer::self_signed(ca_params, KeyPair::generate()?)?;

        let mut server = CertificateParams::new(vec!["localhost".to_string()])?;
        server
            .subject_alt_names
            .push(SanType::IpAddress("127.0.0.1".parse().expect("ip")));
        server
            .subject_alt_names
            .push(SanType::IpAddress("::1".parse().expect("ip")));
        server
            .distinguished_name
            .push(DnType::CommonName, "mxs-mock server");
        server.extended_key_usages = vec![ExtendedKeyUsagePurpose::ServerAuth];
        let server_key = KeyPair::generate()?;
        let server_cert = server.signed_by(&server_key, &ca)?;

        let mut client = CertificateParams::new(Vec::<String>::new())?;
        client
            .distinguished_name
            .push(DnType::CommonName, "mxs-mock client");
        client.extended_key_usages = vec![ExtendedKeyUsagePurpose::ClientAuth];
        let client_key = KeyPair::generate()?;
        let client_cert = client.signed_by(&client_key, &ca)?;

        Ok(TestPki {
            ca_pem: ca.pem(),
            server_cert_pem: server_cert.pem(),
            server_key_pem: server_key.serialize_pem(),
            client_cert_pem: client_cert.pem(),
            client_key_pem: client_key.serialize_pem(),
        })
    }

    /// Write `ca.pem server.pem server.key client.pem client.key` into `dir`.
    pub fn write_to(&self, dir: &Path) -> std::io::Result<()> {
        std::fs::create_dir_all(dir)?;
        for (name, data) in [
            ("ca.pem", &self.ca_pem),
            ("server.pem", &self.server_cert_pem),
            ("server.key", &self.server_key_pem),
            ("client.pem", &self.client_cert_pem),
            ("client.key", &self.client_key_pem),
        ] {
            std::fs::write(dir.join(name), data)?;
        }
        Ok(())
    }

    /// TLS files for [`crate::MockConfig::tls`] (`with_client_ca`: request client certificates).
    pub fn tls_files(&self, with_client_ca: bool) -> crate::TlsFiles {
        crate::TlsFiles {
            cert_pem: self.server_cert_pem.clone().into_bytes(),
            key_pem: self.server_key_pem.clone().into_bytes(),
            client_ca_pem: with_client_ca.then(|| self.ca_pem.clone().into_bytes()),
        }
    }
}
