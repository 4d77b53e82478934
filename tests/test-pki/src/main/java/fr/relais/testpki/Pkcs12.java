package fr.relais.testpki;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;

/**
 * PKCS#12 through the JDK keystore. Since JDK 17 (and 11.0.12) it writes PBES2/AES-256 bags with an
 * HMAC-SHA256 MAC, which openssl 3 and NSS read without the legacy provider.
 */
final class Pkcs12 {

    private Pkcs12() {
    }

    static KeyStore empty() {
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            return store;
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("PKCS12 keystores are not available", e);
        }
    }

    static byte[] toBytes(KeyStore store, char[] password) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            store.store(out, password);
            return out.toByteArray();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot encode the PKCS#12 file", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static KeyStore read(Path file, char[] password) {
        try (InputStream in = Files.newInputStream(file)) {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(in, password);
            return store;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot read " + file, e);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        }
    }
}
