package fr.relais.continuity.keycloak.grace;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;

import org.keycloak.connections.jpa.JpaConnectionProvider;
import org.keycloak.models.KeycloakSession;

import fr.relais.continuity.grace.GraceTicket;
import fr.relais.continuity.keycloak.storage.SessionGraceEntity;

/** The grace tickets in the Keycloak database, so every node sees the same ones. */
public final class SessionGraceStore {

    public static GraceTicket ticketOf(SessionGraceEntity row) {
        return new GraceTicket(Instant.ofEpochMilli(row.getSessionEnd()), Instant.ofEpochMilli(row.getUntil()),
                row.getUsedAt() == null ? null : Instant.ofEpochMilli(row.getUsedAt()),
                row.getEndedAt() == null ? null : Instant.ofEpochMilli(row.getEndedAt()));
    }

    boolean exists(KeycloakSession session, String sessionId) {
        return em(session).find(SessionGraceEntity.class, sessionId) != null;
    }

    void persist(KeycloakSession session, SessionGraceEntity ticket) {
        em(session).persist(ticket);
    }

    /** Locked, so that two tabs coming back at once cannot both use it. */
    Optional<SessionGraceEntity> findForUpdate(KeycloakSession session, String realmId, String sessionId) {
        SessionGraceEntity row = em(session).find(SessionGraceEntity.class, sessionId, LockModeType.PESSIMISTIC_WRITE);
        return row != null && row.getRealmId().equals(realmId) ? Optional.of(row) : Optional.empty();
    }

    /** Tickets not closed yet, all realms. */
    List<SessionGraceEntity> open(KeycloakSession session) {
        return em(session).createQuery("select g from SessionGraceEntity g where g.endedAt is null", SessionGraceEntity.class)
                .getResultList();
    }

    /** The open tickets of one user. */
    List<SessionGraceEntity> openOf(KeycloakSession session, String realmId, String userId) {
        return em(session).createQuery("select g from SessionGraceEntity g where g.realmId = :realm and g.userId = :user "
                        + "and g.endedAt is null", SessionGraceEntity.class)
                .setParameter("realm", realmId).setParameter("user", userId).getResultList();
    }

    public List<SessionGraceEntity> recent(KeycloakSession session, String realmId, int max) {
        return em(session).createQuery("select g from SessionGraceEntity g where g.realmId = :realm order by g.offeredAt desc",
                SessionGraceEntity.class).setParameter("realm", realmId).setMaxResults(max).getResultList();
    }

    private static EntityManager em(KeycloakSession session) {
        return session.getProvider(JpaConnectionProvider.class).getEntityManager();
    }
}
