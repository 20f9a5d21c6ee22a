//! TLS client configuration (rustls with the ring provider): roots from `--tls-ca-cert` or the
//! system, client certificates, and the opt-out verifier. Built only when an endpoint uses HTTPS;
//! plain-HTTP runs get an empty configuration that loads nothing.

use std::sync::Arc;

use rustls::client::danger::{HandshakeSignatureValid, ServerCertVerified, ServerCertVerifier};
use rustls::crypto::{CryptoProvider, WebPkiSupportedAlgorithms};
use rustls::pki_types::pem::PemObject;
use rustls::pki_types::{CertificateDer, PrivateKeyDer, ServerName, UnixTime};
use rustls::{ClientConfig, DigitallySignedStruct, RootCertStore, SignatureScheme};

use crate::error::{Cause, Failure};

/// TLS options for HTTPS endpoints.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TlsOptions {
    pub ca_cert: Option<std::path::PathBuf>,
    pub cert: Option<std::path::PathBuf>,
    pub key: Option<std::path::PathBuf>,
    pub verify: bool,
}

fn provider() -> Arc<CryptoProvider> {
    Arc::new(rustls::crypto::ring::default_provider())
}

fn builder() -> Result<rustls::ConfigBuilder<ClientConfig, rustls::WantsVerifier>, Failure> {
    ClientConfig::builder_with_provider(provider())
        .with_safe_default_protocol_versions()
        .map_err(|e| Failure::internal(format!("TLS setup: {e}")))
}

/// A configuration for plain-HTTP-only runs: no roots, no certificate loading.
pub fn plain() -> Result<ClientConfig, Failure> {
    Ok(builder()?
        .with_root_certificates(RootCertStore::empty())
        .with_no_client_auth())
}

/// The configuration for HTTPS endpoints.
pub fn config(tls: &TlsOptions) -> Result<ClientConfig, Failure> {
    let wants_client = if tls.verify {
        let mut roots = RootCertStore::empty();
        if let Some(path) = &tls.ca_cert {
            let certs = read_certs(path, "--tls-ca-cert")?;
            for cert in certs {
                roots.add(cert).map_err(|e| {
                    Failure::usage(format!("--tls-ca-cert {}: {e}", path.display()))
                })?;
            }
        } else {
            let found = rustls_native_certs::load_native_certs();
            roots.add_parsable_certificates(found.certs);
            if roots.is_empty() {
                return Err(Failure::new(
                    Cause::Tls,
                    "TLS: no CA certificates were found on this system to verify the server with",
                )
                .with_hint(
                    "pass --tls-ca-cert FILE with the CA that signed MaxScale's certificate",
                ));
            }
        }
        builder()?.with_root_certificates(roots)
    } else {
        builder()?
            .dangerous()
            .with_custom_certificate_verifier(Arc::new(AcceptAnyCert(
                provider().signature_verification_algorithms,
            )))
    };
    match (&tls.cert, &tls.key) {
        (Some(cert), Some(key)) => {
            let chain = read_certs(cert, "--tls-cert")?;
            let key_der = PrivateKeyDer::from_pem_file(key).map_err(|e| {
                Failure::usage(format!("--tls-key {}: {}", key.display(), pem_error(&e)))
            })?;
            wants_client
                .with_client_auth_cert(chain, key_der)
                .map_err(|e| Failure::usage(format!("--tls-cert/--tls-key: {e}")))
        }
        _ => Ok(wants_client.with_no_client_auth()),
    }
}

fn read_certs(path: &std::path::Path, flag: &str) -> Result<Vec<CertificateDer<'static>>, Failure> {
    let shown = path.display();
    let certs: Vec<_> = CertificateDer::pem_file_iter(path)
        .and_then(Iterator::collect)
        .map_err(|e| Failure::usage(format!("{flag} {shown}: {}", pem_error(&e))))?;
    if certs.is_empty() {
        return Err(Failure::usage(format!(
            "{flag} {shown}: no PEM certificate found in the file"
        )));
    }
    Ok(certs)
}

fn pem_error(e: &rustls::pki_types::pem::Error) -> String {
    match e {
        rustls::pki_types::pem::Error::Io(io) => io.to_string(),
        rustls::pki_types::pem::Error::NoItemsFound => "no PEM item found in the file".into(),
        other => format!("not a valid PEM file ({other:?})"),
    }
}

/// `--tls-verify-server-cert=false`: any certificate is accepted, but handshake signatures are
/// still checked so the connection is at least encrypted to whoever holds the key.
#[derive(Debug)]
struct AcceptAnyCert(WebPkiSupportedAlgorithms);

impl ServerCertVerifier for AcceptAnyCert {
    fn verify_server_cert(
        &self,
        _end_entity: &CertificateDer<'_>,
        _intermediates: &[CertificateDer<'_>],
        _server_name: &ServerName<'_>,
        _ocsp: &[u8],
        _now: UnixTime,
    ) -> Result<ServerCertVerified, rustls::Error> {
        Ok(ServerCertVerified::assertion())
    }

    fn verify_tls12_signature(
        &self,
        message: &[u8],
        cert: &CertificateDer<'_>,
        dss: &DigitallySignedStruct,
    ) -> Result<HandshakeSignatureValid, rustls::Error> {
        rustls::crypto::verify_tls12_signature(message, cert, dss, &self.0)
    }

    fn verify_tls13_signature(
        &self,
        message: &[u8],
        cert: &CertificateDer<'_>,
        dss: &DigitallySignedStruct,
    ) -> Result<HandshakeSignatureValid, rustls::Error> {
        rustls::crypto::verify_tls13_signature(message, cert, dss, &self.0)
    }

    fn supported_verify_schemes(&self) -> Vec<SignatureScheme> {
        self.0.supported_schemes()
    }
}
