package fr.relais.cps.keycloak;

import java.math.BigInteger;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.persistence.EntityManager;

import org.jboss.logging.Logger;
import org.keycloak.connections.jpa.JpaConnectionProvider;
import org.keycloak.models.KeycloakSession;

import fr.relais.cps.keycloak.storage.StoredCrlEntity;
import fr.relais.cps.revocation.CrlException;
import fr.relais.cps.revocation.CrlIssuer;
import fr.relais.cps.revocation.CrlParser;
import fr.relais.cps.revocation.CrlSnapshot;
import fr.relais.cps.revocation.CrlSources;
import fr.relais.cps.revocation.RevocationStore;

/**
 * Keeps this node's in-memory CRLs in step with the database, and the database in step with the CRL
 * sources. Logins only ever read {@link #store()}; the two methods here run in background jobs.
 */
final class CardRevocationService {

    private static final Logger LOG = Logger.getLogger(CardRevocationService.class);

    private final List<X509Certificate> authorities;
    private final RevocationStore store = new RevocationStore();
    private final CrlParser parser = new CrlParser();
    /** Per source (URL or dropped file): what this node last heard from it, for operators. */
    private final Map<String, String> lastSourceOutcome = new ConcurrentHashMap<>();
    /** Per source: the version of the CRL this node last verified from it, and what that CRL was. */
    private final Map<String, Kept> kept = new ConcurrentHashMap<>();

    private record Kept(CrlSources.Version version, String authorityKey, BigInteger crlNumber, long thisUpdate) {
    }

    CardRevocationService(List<X509Certificate> authorities) {
        this.authorities = List.copyOf(authorities);
    }

    RevocationStore store() {
        return store;
    }

    /** Loads into memory every stored CRL newer than the one this node holds. */
    void syncFromDatabase(KeycloakSession session) {
        EntityManager em = session.getProvider(JpaConnectionProvider.class).getEntityManager();
        List<Object[]> rows = em.createQuery(
                "select c.authorityKey, c.thisUpdate, c.crlNumber from StoredCrlEntity c", Object[].class).getResultList();
        for (Object[] row : rows) {
            X509Certificate authority = authorityByKey((String) row[0]);
            if (authority == null) {
                continue;  // a CRL of an authority this node no longer trusts
            }
            CrlSnapshot held = store.latest(authority).orElse(null);
            if (held != null && !isNewer(row, held)) {
                continue;
            }
            StoredCrlEntity entity = em.find(StoredCrlEntity.class, row[0]);
            try {
                store.offer(authority, parser.parse(entity.getDer(), authority));
            } catch (CrlException e) {
                LOG.errorf("Stored CRL of %s no longer verifies: %s", entity.getIssuerDn(), e.getMessage());
            }
        }
    }

    private static boolean isNewer(Object[] row, CrlSnapshot held) {
        return compareCrls(number((String) row[2]), (Long) row[1], held.crlNumber(), held.thisUpdate().toEpochMilli()) > 0;
    }

    private static boolean newerThanStored(CrlSnapshot candidate, StoredCrlEntity stored) {
        return compareCrls(candidate.crlNumber(), candidate.thisUpdate().toEpochMilli(), number(stored.getCrlNumber()),
                stored.getThisUpdate()) > 0;
    }

    /** Orders two CRLs of one authority: by CRL number when both carry one, else by thisUpdate. */
    private static int compareCrls(BigInteger number, long thisUpdate, BigInteger otherNumber, long otherThisUpdate) {
        return number != null && otherNumber != null ? number.compareTo(otherNumber) : Long.compare(thisUpdate, otherThisUpdate);
    }

    private static BigInteger number(String stored) {
        return stored == null ? null : new BigInteger(stored);
    }

    /** Fetches every source, verifies each CRL with its authority's key and stores the newer ones. */
    void refreshFromSources(KeycloakSession session, CrlSources sources) {
        EntityManager em = session.getProvider(JpaConnectionProvider.class).getEntityManager();
        // A source is asked "changed since?" only while the database holds what was last taken from it
        // (or newer): after a rolled-back refresh, or a database restored from an older backup, it is
        // fetched whole again.
        Map<String, CrlSources.Version> known = new HashMap<>();
        kept.forEach((source, k) -> {
            if (storedAtLeast(em, k)) {
                known.put(source, k.version());
            }
        });
        for (CrlSources.Fetched fetched : sources.fetchAll(known)) {
            if (fetched.unchanged()) {
                lastSourceOutcome.put(fetched.source(), "unchanged");
                continue;
            }
            if (!fetched.ok()) {
                LOG.warnf("CRL source %s unavailable (%s); logins keep using the stored CRL", fetched.source(), fetched.error());
                lastSourceOutcome.put(fetched.source(), "unavailable: " + fetched.error());
                continue;
            }
            try {
                Verified verified = verify(fetched.der());
                String key = RevocationStore.key(verified.authority());
                StoredCrlEntity stored = em.find(StoredCrlEntity.class, key);
                remember(fetched, key, verified.snapshot());
                if (stored != null && !newerThanStored(verified.snapshot(), stored)) {
                    lastSourceOutcome.put(fetched.source(), "unchanged");
                    store.offer(verified.authority(), verified.snapshot());
                    continue;
                }
                boolean isNew = stored == null;
                if (isNew) {
                    stored = new StoredCrlEntity();
                    stored.setAuthorityKey(key);
                }
                CrlSnapshot snapshot = verified.snapshot();
                stored.setIssuerDn(snapshot.issuer().getName());
                stored.setThisUpdate(snapshot.thisUpdate().toEpochMilli());
                stored.setNextUpdate(snapshot.nextUpdate() == null ? null : snapshot.nextUpdate().toEpochMilli());
                stored.setCrlNumber(snapshot.crlNumber() == null ? null : snapshot.crlNumber().toString());
                stored.setEntries(snapshot.revoked().size());
                stored.setFetchedAt(Instant.now().toEpochMilli());
                stored.setSource(fetched.source());
                stored.setDer(fetched.der());
                if (isNew) {
                    em.persist(stored);
                }
                em.flush();
                store.offer(verified.authority(), snapshot);
                lastSourceOutcome.put(fetched.source(), "stored (" + snapshot.revoked().size() + " entries)");
                LOG.infof("Stored CRL of %s from %s: %d entries, next update %s", snapshot.issuer().getName(),
                        fetched.source(), snapshot.revoked().size(), snapshot.nextUpdate());
            } catch (CrlException e) {
                LOG.warnf("CRL from %s refused: %s; the previous CRL stays in use", fetched.source(), e.getMessage());
                lastSourceOutcome.put(fetched.source(), "refused: " + e.getMessage());
            }
        }
    }

    private record Verified(X509Certificate authority, CrlSnapshot snapshot) {
    }

    private void remember(CrlSources.Fetched fetched, String authorityKey, CrlSnapshot snapshot) {
        if (fetched.version() == null) {
            kept.remove(fetched.source());
        } else {
            kept.put(fetched.source(), new Kept(fetched.version(), authorityKey, snapshot.crlNumber(),
                    snapshot.thisUpdate().toEpochMilli()));
        }
    }

    /** Whether the database holds the CRL kept from a source, or a newer one of its authority. */
    private static boolean storedAtLeast(EntityManager em, Kept kept) {
        List<Object[]> rows = em.createQuery("select c.thisUpdate, c.crlNumber from StoredCrlEntity c where c.authorityKey = :key",
                Object[].class).setParameter("key", kept.authorityKey()).getResultList();
        if (rows.isEmpty()) {
            return false;
        }
        Object[] row = rows.get(0);
        return compareCrls(number((String) row[1]), (Long) row[0], kept.crlNumber(), kept.thisUpdate()) >= 0;
    }

    private Verified verify(byte[] der) throws CrlException {
        var issuer = CrlIssuer.of(der);
        CrlException last = new CrlException("no trusted authority is named " + issuer.getName());
        for (X509Certificate authority : authorities) {
            if (authority.getSubjectX500Principal().equals(issuer)) {
                try {
                    return new Verified(authority, parser.parse(der, authority));
                } catch (CrlException e) {
                    last = e;
                }
            }
        }
        throw last;
    }

    private X509Certificate authorityByKey(String key) {
        for (X509Certificate authority : authorities) {
            if (RevocationStore.key(authority).equals(key)) {
                return authority;
            }
        }
        return null;
    }

    /** What an operator needs to see in the server info: each authority's CRL and the sources' state. */
    Map<String, String> operationalInfo() {
        Map<String, String> info = new LinkedHashMap<>();
        List<String> loaded = new ArrayList<>();
        for (X509Certificate authority : authorities) {
            store.latest(authority).ifPresent(crl -> loaded.add(authority.getSubjectX500Principal().getName()));
            store.latest(authority).ifPresent(crl -> info.put("crl: " + authority.getSubjectX500Principal().getName(),
                    "entries=" + crl.revoked().size() + " thisUpdate=" + crl.thisUpdate() + " nextUpdate=" + crl.nextUpdate()));
        }
        info.put("crlsLoaded", Integer.toString(loaded.size()));
        lastSourceOutcome.forEach((source, outcome) -> info.put("source: " + source, outcome));
        return info;
    }
}
