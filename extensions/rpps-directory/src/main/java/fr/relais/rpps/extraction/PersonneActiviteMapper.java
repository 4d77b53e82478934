package fr.relais.rpps.extraction;

import static fr.relais.rpps.extraction.PersonneActiviteColumn.*;

import java.util.List;

/** One Personne_activite row → a one-line {@link Professional} for the {@link ProfessionalAssembler}. */
final class PersonneActiviteMapper implements RowSink<PersonneActiviteColumn> {

    private final ProfessionalAssembler assembler;

    PersonneActiviteMapper(ProfessionalAssembler assembler) {
        this.assembler = assembler;
    }

    @Override
    public Rejection accept(Row<PersonneActiviteColumn> row) {
        String idNat = row.get(ID_NAT);
        Rejection invalid = IdNat.check(idNat);
        if (invalid != null) {
            return invalid;
        }
        String typeCode = row.get(ID_TYPE);
        IdentifierType type = IdentifierType.fromCode(typeCode);
        if (type == null) {
            return new Rejection(BadLineReason.INVALID_IDENTIFIER, "unknown identifier type '" + typeCode + "'");
        }
        String identifier = row.get(IDENTIFIER);
        // idNat_PS is defined as type + number; a row where they disagree cannot be trusted for either.
        if (!idNat.equals(type.code() + identifier)) {
            return new Rejection(BadLineReason.INVALID_IDENTIFIER,
                    "idNat_PS " + idNat + " is not type " + typeCode + " + identifier " + identifier);
        }
        assembler.accept(new Professional(idNat, type, identifier,
                Coded.of(row.get(CIVILITY_CODE), row.get(CIVILITY_LABEL)),
                Coded.of(row.get(PRACTICE_CIVILITY_CODE), row.get(PRACTICE_CIVILITY_LABEL)),
                row.get(LAST_NAME), row.get(FIRST_NAME),
                Coded.of(row.get(PROFESSION_CODE), row.get(PROFESSION_LABEL)),
                Coded.of(row.get(CATEGORY_CODE), row.get(CATEGORY_LABEL)),
                savoirFaire(row), activity(row)));
        return null;
    }

    private static List<SavoirFaire> savoirFaire(Row<PersonneActiviteColumn> row) {
        String code = row.get(SAVOIR_FAIRE_CODE);
        return code == null ? List.of() : List.of(new SavoirFaire(
                Coded.of(row.get(SAVOIR_FAIRE_TYPE_CODE), row.get(SAVOIR_FAIRE_TYPE_LABEL)),
                new Coded(code, row.get(SAVOIR_FAIRE_LABEL))));
    }

    /** Empty for a registered professional with no current practice: the row then carries no structure. */
    private static List<Activity> activity(Row<PersonneActiviteColumn> row) {
        String postalCode = row.get(POSTAL_CODE);
        Activity activity = new Activity(
                row.get(PROFESSION_CODE),
                Coded.of(row.get(MODE_CODE), row.get(MODE_LABEL)),
                Coded.of(row.get(SECTOR_CODE), row.get(SECTOR_LABEL)),
                Coded.of(row.get(ROLE_CODE), row.get(ROLE_LABEL)),
                Coded.of(row.get(ACTIVITY_KIND_CODE), row.get(ACTIVITY_KIND_LABEL)),
                Coded.of(row.get(PHARMACIST_SECTION_CODE), row.get(PHARMACIST_SECTION_LABEL)),
                row.get(STRUCTURE_TECHNICAL_ID),
                row.get(STRUCTURE_ID_NAT),
                row.get(FINESS_SITE),
                row.get(FINESS_LEGAL_ENTITY),
                row.get(SIRET),
                row.get(SIREN),
                row.get(LEGAL_NAME),
                row.get(TRADE_NAME),
                new Address(
                        row.get(RECIPIENT_COMPLEMENT),
                        row.get(GEOGRAPHIC_COMPLEMENT),
                        row.get(STREET_NUMBER),
                        row.get(REPETITION_INDEX),
                        Coded.of(row.get(STREET_TYPE_CODE), row.get(STREET_TYPE_LABEL)),
                        row.get(STREET_NAME),
                        row.get(DISTRIBUTION_MENTION),
                        row.get(CEDEX_OFFICE),
                        postalCode,
                        Coded.of(row.get(COMMUNE_CODE), row.get(COMMUNE_LABEL)),
                        Coded.of(row.get(COUNTRY_CODE), row.get(COUNTRY_LABEL)),
                        Departements.of(postalCode, row.get(DEPARTEMENT_CODE)),
                        row.get(PHONE),
                        row.get(PHONE_2),
                        row.get(FAX),
                        row.get(EMAIL)),
                row.get(REGISTRATION_AUTHORITY));
        return hasStructure(activity) ? List.of(activity) : List.of();
    }

    private static boolean hasStructure(Activity activity) {
        return activity.mode() != null || activity.sector() != null || activity.structureTechnicalId() != null
                || activity.structureIdNat() != null || activity.finessSite() != null || activity.siret() != null
                || activity.siren() != null || activity.legalName() != null
                || activity.address().postalCode() != null;
    }
}
