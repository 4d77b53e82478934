package fr.relais.rpps.importer;

import java.util.Arrays;
import java.util.List;

/**
 * The columns of {@code RELAIS_RPPS_STAGING}, in the order the loader writes them, and where each one
 * goes when the staged rows are applied. Lengths are the VARCHAR sizes of the changelog: longer values
 * are cut before loading rather than failing the whole import on one odd line.
 */
public enum StagingColumn {
    ROW_NO(Target.STAGING, -1),
    ROW_KIND(Target.STAGING, 1),
    ID_NAT(Target.BOTH, 32),

    IDENTIFIER_TYPE(Target.PROFESSIONAL, 1),
    IDENTIFIER(Target.PROFESSIONAL, 31),
    CIVILITY_CODE(Target.PROFESSIONAL, 16),
    CIVILITY_LABEL(Target.PROFESSIONAL, 64),
    PRACTICE_CIVILITY_CODE(Target.PROFESSIONAL, 16),
    PRACTICE_CIVILITY_LABEL(Target.PROFESSIONAL, 64),
    LAST_NAME(Target.PROFESSIONAL, 255),
    FIRST_NAME(Target.PROFESSIONAL, 255),
    SEARCH_NAME(Target.PROFESSIONAL, 255),
    /** The professional's profession on its row, the profession exercised on an activity row. */
    PROFESSION_CODE(Target.BOTH, 16),
    PROFESSION_LABEL(Target.PROFESSIONAL, 255),
    CATEGORY_CODE(Target.PROFESSIONAL, 16),
    CATEGORY_LABEL(Target.PROFESSIONAL, 255),
    SAVOIR_FAIRE(Target.PROFESSIONAL, 4000),
    CONTENT_HASH(Target.PROFESSIONAL, 32),

    ACTIVITY_NO(Target.ACTIVITY, -1),
    MODE_CODE(Target.ACTIVITY, 16),
    MODE_LABEL(Target.ACTIVITY, 255),
    SECTOR_CODE(Target.ACTIVITY, 16),
    SECTOR_LABEL(Target.ACTIVITY, 255),
    ROLE_CODE(Target.ACTIVITY, 32),
    ROLE_LABEL(Target.ACTIVITY, 255),
    ACTIVITY_KIND_CODE(Target.ACTIVITY, 32),
    ACTIVITY_KIND_LABEL(Target.ACTIVITY, 255),
    STRUCTURE_TECHNICAL_ID(Target.ACTIVITY, 64),
    STRUCTURE_ID_NAT(Target.ACTIVITY, 64),
    FINESS_SITE(Target.ACTIVITY, 16),
    FINESS_LEGAL_ENTITY(Target.ACTIVITY, 16),
    SIRET(Target.ACTIVITY, 16),
    LEGAL_NAME(Target.ACTIVITY, 255),
    TRADE_NAME(Target.ACTIVITY, 255),
    ADDRESS_LINE(Target.ACTIVITY, 255),
    ADDRESS_COMPLEMENT(Target.ACTIVITY, 255),
    POSTAL_CODE(Target.ACTIVITY, 16),
    CITY(Target.ACTIVITY, 255),
    COUNTRY(Target.ACTIVITY, 64),
    DEPARTEMENT(Target.ACTIVITY, 8),
    PHONE(Target.ACTIVITY, 32),
    EMAIL(Target.ACTIVITY, 255);

    /** Row kinds in {@link #ROW_KIND}. */
    public static final String PROFESSIONAL_ROW = "P";
    public static final String ACTIVITY_ROW = "A";

    enum Target { STAGING, PROFESSIONAL, ACTIVITY, BOTH }

    private static final StagingColumn[] ALL = values();
    private static final List<StagingColumn> PROFESSIONAL_COLUMNS = Arrays.stream(ALL)
            .filter(c -> c.target == Target.PROFESSIONAL || c.target == Target.BOTH).toList();
    private static final List<StagingColumn> ACTIVITY_COLUMNS = Arrays.stream(ALL)
            .filter(c -> c.target == Target.ACTIVITY || c.target == Target.BOTH).toList();

    private final Target target;
    private final int maxLength;

    StagingColumn(Target target, int maxLength) {
        this.target = target;
        this.maxLength = maxLength;
    }

    /** VARCHAR length, or -1 for the two BIGINT columns. */
    public int maxLength() {
        return maxLength;
    }

    public boolean numeric() {
        return maxLength < 0;
    }

    /** Columns of {@code RELAIS_RPPS_PROFESSIONAL} filled from staging ({@code UPDATED_AT} comes from the run). */
    public static List<StagingColumn> professionalColumns() {
        return PROFESSIONAL_COLUMNS;
    }

    /** Columns of {@code RELAIS_RPPS_ACTIVITY}, all filled from staging. */
    public static List<StagingColumn> activityColumns() {
        return ACTIVITY_COLUMNS;
    }

    static int count() {
        return ALL.length;
    }

    static StagingColumn at(int index) {
        return ALL[index];
    }
}
