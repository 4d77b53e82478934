package fr.relais.pscsim;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Enumeration;
import java.util.List;
import java.util.Objects;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * HTTPS for the simulator: its server key and chain, and the CAs client certificates must chain to.
 *
 * @param serverKey the private key of the server certificate
 * @param serverChain the server certificate first, then its issuers
 * @param clientCas trust anchors for client certificates; empty accepts any client certificate, and
 *     tls_client_auth then rests on the subject DN alone (enough for a simulator, not for a real server)
 */
public record TlsConfig(PrivateKey serverKey, List<X509Certificate> serverChain, List<X509Certificate> clientCas) {

    public TlsConfig {
        Objects.requireNonNull(serverKey, "serverKey");
        serverChain = List.copyOf(serverChain);
        if (serverChain.isEmpty()) {
            throw new IllegalArgumentException("The server chain is empty");
        }
        clientCas = clientCas == null ? List.of() : List.copyOf(clientCas);
    }

    /** Reads a PEM certificate chain and a PEM PKCS#8 key ("BEGIN PRIVATE KEY", RSA or EC). */
    public static TlsConfig fromPem(Path certificateChain, Path privateKey, List<Path> clientCaFiles) {
        List<X509Certificate> cas = new ArrayList<>();
        for (Path file : clientCaFiles) {
            cas.addAll(readCertificates(file));
        }
        return new TlsConfig(readPkcs8Key(privateKey), readCertificates(certificateChain), cas);
    }

    /** Reads the first key entry of a PKCS#12 file. */
    public static TlsConfig fromPkcs12(Path file, char[] password, List<Path> clientCaFiles) {
        try (InputStream in = Files.newInputStream(file)) {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(in, password);
            for (Enumeration<String> aliases = store.aliases(); aliases.hasMoreElements(); ) {
                String alias = aliases.nextElement();
                if (store.isKeyEntry(alias)) {
                    List<X509Certificate> chain = new ArrayList<>();
                    for (Certificate certificate : store.getCertificateChain(alias)) {
                        chain.add((X509Certificate) certificate);
                    }
                    List<X509Certificate> cas = new ArrayList<>();
                    for (Path caFile : clientCaFiles) {
                        cas.addAll(readCertificates(caFile));
                    }
                    return new TlsConfig((PrivateKey) store.getKey(alias, password), chain, cas);
                }
            }
            throw new IllegalArgumentException(file + " holds no private key");
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("Cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /** A server context that asks for ("wants"), but does not require, a client certificate. */
    SSLContext sslContext() {
        try {
            char[] password = new char[0];
            KeyStore keyStore = KeyStore.getInstance("PKCS12");
            keyStore.load(null, null);
            keyStore.setKeyEntry("server", serverKey, password, serverChain.toArray(Certificate[]::new));
            KeyManagerFactory keyManagers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            keyManagers.init(keyStore, password);

            TrustManager[] trustManagers;
            if (clientCas.isEmpty()) {
                trustManagers = new TrustManager[] {new AnyClientCertificate()};
            } else {
                KeyStore trustStore = KeyStore.getInstance("PKCS12");
                trustStore.load(null, null);
                for (int i = 0; i < clientCas.size(); i++) {
                    trustStore.setCertificateEntry("ca-" + i, clientCas.get(i));
                }
                TrustManagerFactory factory = TrustManagerFactory.getInstance(
                        TrustManagerFactory.getDefaultAlgorithm());
                factory.init(trustStore);
                trustManagers = factory.getTrustManagers();
            }
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keyManagers.getKeyManagers(), trustManagers, new SecureRandom());
            return context;
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("Cannot build the TLS context", e);
        }
    }

    static List<X509Certificate> readCertificates(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            List<X509Certificate> result = new ArrayList<>();
            for (Certificate certificate : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
                result.add((X509Certificate) certificate);
            }
            if (result.isEmpty()) {
                throw new IllegalArgumentException(file + " holds no certificate");
            }
            return result;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("Cannot read the certificates of " + file, e);
        }
    }

    private static PrivateKey readPkcs8Key(Path file) {
        String pem;
        try {
            pem = Files.readString(file, StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        }
        if (!pem.contains("-----BEGIN PRIVATE KEY-----")) {
            // PKCS#1 ("BEGIN RSA PRIVATE KEY") would need BouncyCastle; converting once is simpler.
            throw new IllegalArgumentException(file + " is not an unencrypted PKCS#8 PEM key; convert it with "
                    + "`openssl pkcs8 -topk8 -nocrypt -in " + file + "`");
        }
        String base64 = pem.substring(pem.indexOf("-----BEGIN PRIVATE KEY-----") + 27,
                pem.indexOf("-----END PRIVATE KEY-----")).replaceAll("\\s", "");
        PKCS8EncodedKeySpec spec = new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64));
        for (String algorithm : List.of("RSA", "EC")) {
            try {
                return KeyFactory.getInstance(algorithm).generatePrivate(spec);
            } catch (GeneralSecurityException e) {
                // try the next algorithm
            }
        }
        throw new IllegalArgumentException(file + " is neither an RSA nor an EC key");
    }

    /**
     * Accepts any client chain: the simulator authenticates clients by subject DN, and tests would otherwise have
     * to hand it their CA as well.
     */
    private static final class AnyClientCertificate extends X509ExtendedTrustManager {

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) {
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) {
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            throw new CertificateException("Server-side trust manager only");
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
            throw new CertificateException("Server-side trust manager only");
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) throws CertificateException {
            throw new CertificateException("Server-side trust manager only");
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }
}
