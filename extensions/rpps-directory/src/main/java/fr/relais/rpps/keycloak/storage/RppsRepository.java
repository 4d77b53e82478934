package fr.relais.rpps.keycloak.storage;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.persistence.EntityManager;
import jakarta.persistence.FlushModeType;
import jakarta.persistence.TypedQuery;

import fr.relais.rpps.directory.ActivityRecord;
import fr.relais.rpps.directory.DirectorySearch;
import fr.relais.rpps.directory.ProfessionalRecord;
import fr.relais.rpps.directory.SavoirFaireCodec;

/**
 * Reads the directory through Keycloak's persistence unit: one query by primary key (the professional
 * joined to its activities) in the login path, bounded pages for the admin search.
 */
public final class RppsRepository {

    private final EntityManager em;

    public RppsRepository(EntityManager em) {
        this.em = em;
    }

    public Optional<ProfessionalRecord> find(String idNat) {
        if (idNat == null || idNat.isBlank()) {
            return Optional.empty();
        }
        return DirectoryQueryTimers.FIND.record(() -> findNow(idNat));
    }

    /** One round trip: every caller wants the activities too, so they come in the same query (a left join). */
    private Optional<ProfessionalRecord> findNow(String idNat) {
        List<Object[]> rows = readOnly(em.createNamedQuery("relaisRppsWithActivities", Object[].class))
                .setParameter("id", idNat).getResultList();
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        List<ActivityEntity> activities = new ArrayList<>(rows.size());
        for (Object[] row : rows) {
            if (row[1] != null) {
                activities.add((ActivityEntity) row[1]);
            }
        }
        return Optional.of(toRecord((ProfessionalEntity) rows.get(0)[0], activities));
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
