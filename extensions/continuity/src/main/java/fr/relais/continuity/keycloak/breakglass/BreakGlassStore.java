package fr.relais.continuity.keycloak.breakglass;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;

import org.keycloak.connections.jpa.JpaConnectionProvider;
import org.keycloak.models.KeycloakSession;

import fr.relais.continuity.breakglass.BreakGlassPolicy;
import fr.relais.continuity.breakglass.Grant;
import fr.relais.continuity.breakglass.GrantStatus;
import fr.relais.continuity.keycloak.storage.BreakGlassAccessEntity;
import fr.relais.continuity.keycloak.storage.BreakGlassGrantEntity;

/** Emergency accesses and their uses, in Keycloak's database (shared by every node, kept as evidence). */
public final class BreakGlassStore {

    public static Grant grantOf(BreakGlassGrantEntity row) {
        return new Grant(Instant.ofEpochMilli(row.getCreatedAt()), Instant.ofEpochMilli(row.getExpiresAt()),
                row.getRevokedAt() == null ? null : Instant.ofEpochMilli(row.getRevokedAt()), row.getFailedAttempts());
    }

    public void persist(KeycloakSession session, BreakGlassGrantEntity grant) {
        em(session).persist(grant);
    }

    /** The user's most recent grant whose sessions are not closed yet, locked for update (attempt counting). */
    public Optional<BreakGlassGrantEntity> latestOpenForUpdate(KeycloakSession session, String realmId, String userId) {
        List<String> ids = em(session).createQuery("select g.id from BreakGlassGrantEntity g where g.realmId = :realm "
                        + "and g.userId = :user and g.closedAt is null order by g.createdAt desc", String.class)
                .setParameter("realm", realmId).setParameter("user", userId).setMaxResults(1).getResultList();
        return ids.isEmpty() ? Optional.empty()
                : Optional.ofNullable(em(session).find(BreakGlassGrantEntity.class, ids.get(0), LockModeType.PESSIMISTIC_WRITE));
    }

    public boolean hasActive(KeycloakSession session, String realmId, String userId, Instant now, BreakGlassPolicy policy) {
        return em(session).createQuery("select g from BreakGlassGrantEntity g where g.realmId = :realm and g.userId = :user "
                        + "and g.revokedAt is null and g.expiresAt > :now", BreakGlassGrantEntity.class)
                .setParameter("realm", realmId).setParameter("user", userId).setParameter("now", now.toEpochMilli())
                .getResultStream().anyMatch(g -> grantOf(g).status(now, policy) == GrantStatus.ACTIVE);
    }

    public Optional<BreakGlassGrantEntity> find(KeycloakSession session, String realmId, String id) {
        BreakGlassGrantEntity grant = em(session).find(BreakGlassGrantEntity.class, id);
        return grant != null && grant.getRealmId().equals(realmId) ? Optional.of(grant) : Optional.empty();
    }

    public List<BreakGlassGrantEntity> recent(KeycloakSession session, String realmId, int max) {
        return em(session).createQuery("select g from BreakGlassGrantEntity g where g.realmId = :realm order by g.createdAt desc",
                BreakGlassGrantEntity.class).setParameter("realm", realmId).setMaxResults(max).getResultList();
    }

    /** Grants that no longer let anyone in but whose sessions have not been ended yet, all realms. */
    public List<BreakGlassGrantEntity> toClose(KeycloakSession session, Instant now, BreakGlassPolicy policy) {
        return em(session).createQuery("select g from BreakGlassGrantEntity g where g.closedAt is null", BreakGlassGrantEntity.class)
                .getResultStream().filter(g -> grantOf(g).status(now, policy) != GrantStatus.ACTIVE).toList();
    }

    public void recordAccess(KeycloakSession session, String grantId, String outcome, Instant at, String ipAddress) {
        BreakGlassAccessEntity access = new BreakGlassAccessEntity();
        access.setId(UUID.randomUUID().toString());
        access.setGrantId(grantId);
        access.setOccurredAt(at.toEpochMilli());
        access.setOutcome(outcome);
        access.setIpAddress(ipAddress);
        em(session).persist(access);
    }

    public List<BreakGlassAccessEntity> accesses(KeycloakSession session, String grantId) {
        return em(session).createQuery("select a from BreakGlassAccessEntity a where a.grantId = :grant order by a.occurredAt",
                BreakGlassAccessEntity.class).setParameter("grant", grantId).getResultList();
    }

    private static EntityManager em(KeycloakSession session) {
        return session.getProvider(JpaConnectionProvider.class).getEntityManager();
    }
}
