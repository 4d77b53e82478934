package fr.relais.cps.trust;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;

/** The authority certificates Relais can trust for card login. */
public final class IgcSanteAuthorities {

    /** Public IGC-Santé production roots and intermediates, as published by ANS (2013–2033). */
    static final List<String> PRODUCTION = List.of(
            "ACR_FORT_20130625.cer", "AC_FORT_PERSONNES_20130625.cer",
            "ACR_STANDARD_20130625.cer", "AC_STANDARD_PERSONNES_20130625.cer",
            "ACR_ELEMENTAIRE_20130625.cer", "AC_ELEMENTAIRE_PERSONNES_20130625.cer");

    /** IGC-Santé certificate policies live under this arc. */
    public static final String POLICY_ARC = "1.2.250.1.213.1.";

    private IgcSanteAuthorities() {
    }

    public static List<X509Certificate> production() {
        List<X509Certificate> certificates = new ArrayList<>();
        for (String name : PRODUCTION) {
            try (InputStream in = IgcSanteAuthorities.class.getResourceAsStream("/igc-sante/production/" + name)) {
                if (in == null) {
                    throw new IllegalStateException("Missing bundled authority " + name);
                }
                certificates.addAll(read(in));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return certificates;
    }

    /** Authorities from a PEM (or DER) file, e.g. the TEST hierarchy an operator enables on purpose. */
    public static List<X509Certificate> fromFile(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return read(in);
        }
    }

    private static List<X509Certificate> read(InputStream in) throws IOException {
        try {
            return CertificateFactory.getInstance("X.509").generateCertificates(in).stream()
                    .map(X509Certificate.class::cast).toList();
        } catch (CertificateException e) {
            throw new IOException("Not a certificate file: " + e.getMessage(), e);
        }
    }
}
