package fr.relais.cps.revocation;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.X509Certificate;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The latest verified CRL of each authority, in memory, read by every login. Keyed by the authority's
 * name and key, so a look-alike authority with the same name can never share an entry.
 */
public final class RevocationStore {

    private final Map<String, CrlSnapshot> snapshots = new ConcurrentHashMap<>();

    /** Keeps {@code snapshot} unless the store already holds a later list of that authority. */
    public boolean offer(X509Certificate authority, CrlSnapshot snapshot) {
        boolean[] kept = {false};
        snapshots.compute(key(authority), (k, current) -> {
            if (current == null || current.isOlderThan(snapshot)) {
                kept[0] = true;
                return snapshot;
            }
            return current;
        });
        return kept[0];
    }

    public Optional<CrlSnapshot> latest(X509Certificate authority) {
        return Optional.ofNullable(snapshots.get(key(authority)));
    }

    public static String key(X509Certificate authority) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(authority.getPublicKey().getEncoded());
            return HexFormat.of().formatHex(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
