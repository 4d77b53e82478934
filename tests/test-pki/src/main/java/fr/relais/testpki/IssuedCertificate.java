package fr.relais.testpki;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.KeyStoreException;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Objects;

/**
 * A freshly issued end-entity certificate with its private key.
 *
 * @param chain the certificate first, then its issuers up to and including the root
 */
public record IssuedCertificate(X509Certificate certificate, PrivateKey privateKey, List<X509Certificate> chain) {

    public IssuedCertificate {
        Objects.requireNonNull(certificate, "certificate");
        Objects.requireNonNull(privateKey, "privateKey");
        chain = List.copyOf(chain);
        if (chain.isEmpty() || !chain.get(0).equals(certificate)) {
            throw new IllegalArgumentException("The chain must start with the certificate");
        }
    }

    /** Key, certificate and whole chain under one alias: what a browser or pk12util import expects. */
    public byte[] toPkcs12(String alias, char[] password) {
        KeyStore store = Pkcs12.empty();
        try {
            store.setKeyEntry(alias, privateKey, password, chain.toArray(X509Certificate[]::new));
        } catch (KeyStoreException e) {
            throw new IllegalStateException("Cannot store the key entry", e);
        }
        return Pkcs12.toBytes(store, password);
    }

    public void writePkcs12(Path file, String alias, char[] password) {
        try {
            Files.write(file, toPkcs12(alias, password));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + file, e);
        }
    }

    public String certificatePem() {
        return Pem.of(certificate);
    }

    public String privateKeyPem() {
        return Pem.of(privateKey);
    }
}
