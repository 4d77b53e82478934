package fr.relais.runner;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Properties;

/**
 * Passwords and client secrets of a local installation, generated on first use and kept (owner-only)
 * so that later runs reuse them: the realm and the demo cards were created with them.
 */
public final class Secrets {

    public static final String ADMIN_PASSWORD = "admin.password";
    public static final String DEMO_USER_PASSWORD = "demo.user.password";
    public static final String PKI_PASSWORD = "pki.password";
    public static final String DUI_CLIENT_SECRET = "dui.client.secret";
    public static final String VIATRAJECTOIRE_CLIENT_SECRET = "viatrajectoire.client.secret";
    /** Relais's secret at the (simulated) Pro Santé Connect. */
    public static final String PSC_CLIENT_SECRET = "psc.client.secret";

    private static final SecureRandom RANDOM = new SecureRandom();

    private final Properties values;

    private Secrets(Properties values) {
        this.values = values;
    }

    public static Secrets loadOrCreate(Path file) {
        Properties values = new Properties();
        try {
            if (Files.isRegularFile(file)) {
                try (InputStream in = Files.newInputStream(file)) {
                    values.load(in);
                }
            }
            boolean changed = false;
            for (String key : new String[] {ADMIN_PASSWORD, DEMO_USER_PASSWORD, PKI_PASSWORD, DUI_CLIENT_SECRET,
                    VIATRAJECTOIRE_CLIENT_SECRET, PSC_CLIENT_SECRET}) {
                if (!values.containsKey(key)) {
                    values.setProperty(key, randomSecret());
                    changed = true;
                }
            }
            if (changed) {
                Files.createDirectories(file.toAbsolutePath().getParent());
                Files.deleteIfExists(file);
                Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
                try (OutputStream out = Files.newOutputStream(file)) {
                    values.store(out, "Relais local installation secrets");
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Secrets(values);
    }

    public String get(String key) {
        return values.getProperty(key);
    }

    private static String randomSecret() {
        byte[] bytes = new byte[15];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
