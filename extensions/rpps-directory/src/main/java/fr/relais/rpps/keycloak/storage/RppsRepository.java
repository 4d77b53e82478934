package fr.relais.rpps.keycloak.storage;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import jakarta.persistence.EntityManager;
import jakarta.persistence.FlushModeType;
import jakarta.persistence.TypedQuery;

import org.keycloak.connections.jpa.JpaConnectionProvider;
import org.keycloak.models.KeycloakSession;

import fr.relais.rpps.directory.ActivityRecord;
import fr.relais.rpps.directory.DirectorySearch;
import fr.relais.rpps.directory.ProfessionalCache;
import fr.relais.rpps.directory.ProfessionalRecord;
import fr.relais.rpps.directory.SavoirFaireCodec;

/**
 * Reads the directory through Keycloak's persistence unit: the professional by primary key and his
 * activities in the login path (through the node's {@link ProfessionalCache}), bounded pages for the
 * admin search (always from the database: what an administrator looks at is the live directory).
 */
public final class RppsRepository {

    /**
     * Far more activities than anyone holds (a professional has one to three, a few dozen at most), so the
     * rare professional beyond it costs a second query rather than a truncated record.
     */
    private static final int ACTIVITIES_AT_ONCE = 100;

    private final EntityManager em;
    private final ProfessionalCache cache;

    public RppsRepository(EntityManager em, ProfessionalCache cache) {
        this.em = em;
        this.cache = cache;
    }

    /**
     * Lookups answered by the node's cache once read: the token claims (read for every token of every login)
     * and the first login of a visiting professional.
     */
    public static RppsRepository cached(KeycloakSession session) {
        return new RppsRepository(session.getProvider(JpaConnectionProvider.class).getEntityManager(),
                RppsEntityProviderFactory.professionals(session.getKeycloakSessionFactory()));
    }

    /**
     * Every lookup read from the database: loading a linked account (Keycloak's user cache keeps the result
     * and is emptied with the professional cache, so reading through the latter could put a record the import
     * has just replaced back into the former) and the admin console's views.
     */
    public static RppsRepository live(KeycloakSession session) {
        return new RppsRepository(session.getProvider(JpaConnectionProvider.class).getEntityManager(),
                ProfessionalCache.OFF);
    }

    public Optional<ProfessionalRecord> find(String idNat) {
        if (idNat == null || idNat.isBlank()) {
            return Optional.empty();
        }
        if (!cache.enabled()) {
            return DirectoryQueryTimers.FIND.record(() -> findNow(idNat));
        }
        long start = System.nanoTime();
        ProfessionalCache.Answer answer = cache.find(idNat, System.currentTimeMillis(),
                id -> DirectoryQueryTimers.FIND.record(() -> findNow(id)));
        (answer.read() ? DirectoryQueryTimers.LOOKUP_READ : DirectoryQueryTimers.LOOKUP_CACHED)
                .record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
        return answer.professional();
    }

    /**
     * The professional by primary key, then his activities in key order with a row limit: two statements
     * whose plans do not depend on the tables' statistics. A single join did: while an import's transaction
     * fills a small directory with the country (a first national import after the demo file or a
     * FINESS-scoped one), the planner still holds the small directory's statistics, chose to scan the whole
     * growing activity table, and each login's lookup took 0.7-1.1 s. A unique key gives one row whatever
     * the statistics say, and with a limit the index, which returns rows already in order, costs less
     * than reading and sorting the table however many rows the statistics promise.
     */
    private Optional<ProfessionalRecord> findNow(String idNat) {
        ProfessionalEntity professional = em.find(ProfessionalEntity.class, idNat);
        if (professional == null) {
            return Optional.empty();
        }
        List<ActivityEntity> activities = activitiesOf(idNat, ACTIVITIES_AT_ONCE);
        if (activities.size() == ACTIVITIES_AT_ONCE) {
            activities = activitiesOf(idNat, Integer.MAX_VALUE);
        }
        ProfessionalRecord record = toRecord(professional, activities);
        // Out of the persistence context, so a second lookup in this request reads the database again rather
        // than these rows, which an import may have replaced in between (and the cache would then keep).
        em.detach(professional);
        activities.forEach(em::detach);
        return Optional.of(record);
    }

    private List<ActivityEntity> activitiesOf(String idNat, int max) {
        return readOnly(em.createNamedQuery("relaisRppsActivitiesOf", ActivityEntity.class))
                .setParameter("ids", List.of(idNat)).setMaxResults(max).getResultList();
    }

    public List<ProfessionalRecord> search(DirectorySearch search, int first, int max) {
        return DirectoryQueryTimers.SEARCH.record(() -> searchNow(search, first, max));
    }

    private List<ProfessionalRecord> searchNow(DirectorySearch search, int first, int max) {
        if (search.kind() == DirectorySearch.Kind.IDENTIFIER) {
            // Most identifier searches are an idNat_PS: the primary key answers them without the query over
            // two indexes. An idNat_PS (type digit + ADELI or RPPS number: 10 or 12 characters) is never also
            // someone's ADELI (9) or RPPS (11) number, so a hit is the whole answer.
            Optional<ProfessionalRecord> byKey = findNow(search.value());
            if (byKey.isPresent()) {
                return first > 0 || max < 1 ? List.of() : List.of(byKey.get());
            }
        }
        TypedQuery<ProfessionalEntity> query = switch (search.kind()) {
            case IDENTIFIER -> em.createNamedQuery("relaisRppsByIdentifier", ProfessionalEntity.class)
                    .setParameter("id", search.value());
            case NAME -> em.createNamedQuery("relaisRppsByName", ProfessionalEntity.class)
                    .setParameter("prefix", search.value() + "%");
            case PROFESSION -> em.createNamedQuery("relaisRppsByProfession", ProfessionalEntity.class)
                    .setParameter("code", search.value());
            case FINESS -> em.createNamedQuery("relaisRppsByFiness", ProfessionalEntity.class)
                    .setParameter("finess", search.value());
        };
        return records(readOnly(query).setFirstResult(first).setMaxResults(max).getResultList());
    }

    private List<ProfessionalRecord> records(List<ProfessionalEntity> page) {
        if (page.isEmpty()) {
            return List.of();
        }
        Map<String, List<ActivityEntity>> activities = activities(page.stream().map(ProfessionalEntity::getIdNat).toList());
        List<ProfessionalRecord> records = new ArrayList<>(page.size());
        for (ProfessionalEntity professional : page) {
            records.add(toRecord(professional, activities.getOrDefault(professional.getIdNat(), List.of())));
        }
        return records;
    }

    public long count() {
        return readOnly(em.createNamedQuery("relaisRppsCount", Long.class)).getSingleResult();
    }

    private Map<String, List<ActivityEntity>> activities(List<String> idNats) {
        Map<String, List<ActivityEntity>> byIdNat = new LinkedHashMap<>();
        for (ActivityEntity activity : readOnly(em.createNamedQuery("relaisRppsActivitiesOf", ActivityEntity.class))
                .setParameter("ids", idNats).getResultList()) {
            byIdNat.computeIfAbsent(activity.getIdNat(), id -> new ArrayList<>()).add(activity);
        }
        return byIdNat;
    }

    /**
     * The directory is written by the import over JDBC, never through this persistence context, so nothing
     * Keycloak holds unflushed can change a directory answer: skip the flush (and the dirty check of every
     * entity the request loaded) that Hibernate would otherwise run before each query.
     */
    private static <T> TypedQuery<T> readOnly(TypedQuery<T> query) {
        return query.setFlushMode(FlushModeType.COMMIT);
    }

    private static ProfessionalRecord toRecord(ProfessionalEntity p, List<ActivityEntity> activities) {
        List<ActivityRecord> records = new ArrayList<>(activities.size());
        for (ActivityEntity a : activities) {
            records.add(new ActivityRecord(a.getProfessionCode(), a.getModeCode(), a.getModeLabel(), a.getSectorCode(),
                    a.getSectorLabel(), a.getRoleCode(), a.getRoleLabel(), a.getActivityKindCode(),
                    a.getActivityKindLabel(), a.getStructureTechnicalId(), a.getStructureIdNat(), a.getFinessSite(),
                    a.getFinessLegalEntity(), a.getSiret(), a.getLegalName(), a.getTradeName(), a.getAddressLine(),
                    a.getAddressComplement(), a.getPostalCode(), a.getCity(), a.getCountry(), a.getDepartement(),
                    a.getPhone(), a.getEmail()));
        }
        return new ProfessionalRecord(p.getIdNat(), p.getIdentifierType(), p.getIdentifier(), p.getCivilityCode(),
                p.getCivilityLabel(), p.getPracticeCivilityCode(), p.getPracticeCivilityLabel(), p.getLastName(),
                p.getFirstName(), p.getProfessionCode(), p.getProfessionLabel(), p.getCategoryCode(),
                p.getCategoryLabel(), SavoirFaireCodec.decode(p.getSavoirFaire()), records, p.getUpdatedAt());
    }
}
