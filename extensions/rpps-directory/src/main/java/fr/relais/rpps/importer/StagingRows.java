package fr.relais.rpps.importer;

import java.util.ArrayList;
import java.util.List;

import fr.relais.rpps.directory.AddressLines;
import fr.relais.rpps.directory.SavoirFaireCodec;
import fr.relais.rpps.directory.SearchNames;
import fr.relais.rpps.extraction.Activity;
import fr.relais.rpps.extraction.Address;
import fr.relais.rpps.extraction.Coded;
import fr.relais.rpps.extraction.Professional;
import fr.relais.rpps.extraction.SavoirFaire;

/**
 * Turns one {@link Professional} into its staging rows: one professional row, then one row per activity.
 * Row numbers increase through the whole import: they keep the file order and give activities a key
 * that stays unique even when the extraction lists a professional in two separate runs of lines.
 */
final class StagingRows {

    /** Receives the rows of one professional, professional row first. */
    interface Sink {
        void row(StagingRow row) throws Exception;
    }

    private final StagingRow professionalRow = new StagingRow();
    private final List<StagingRow> activityRows = new ArrayList<>();
    private final ContentHash hash = new ContentHash();
    private long nextRowNo = 1;
    private long truncatedValues;

    /** Values cut to their column size so far; reported, since it means the changelog is too tight. */
    long truncatedValues() {
        return truncatedValues;
    }

    void write(Professional professional, Sink sink) throws Exception {
        fillProfessional(professional);
        int activityCount = professional.activities().size();
        while (activityRows.size() < activityCount) {
            activityRows.add(new StagingRow());
        }
        for (int i = 0; i < activityCount; i++) {
            fillActivity(activityRows.get(i), professional.idNat(), professional.activities().get(i));
        }
        professionalRow.set(StagingColumn.CONTENT_HASH, contentHash(activityCount));

        sink.row(professionalRow);
        for (int i = 0; i < activityCount; i++) {
            sink.row(activityRows.get(i));
        }
    }

    private void fillProfessional(Professional p) {
        StagingRow row = professionalRow;
        row.clear();
        row.set(StagingColumn.ROW_NO, Long.toString(nextRowNo++));
        row.set(StagingColumn.ROW_KIND, StagingColumn.PROFESSIONAL_ROW);
        put(row, StagingColumn.ID_NAT, p.idNat());
        put(row, StagingColumn.IDENTIFIER_TYPE, p.identifierType().code());
        put(row, StagingColumn.IDENTIFIER, p.identifier());
        put(row, StagingColumn.CIVILITY_CODE, code(p.civility()));
        put(row, StagingColumn.CIVILITY_LABEL, label(p.civility()));
        put(row, StagingColumn.PRACTICE_CIVILITY_CODE, code(p.practiceCivility()));
        put(row, StagingColumn.PRACTICE_CIVILITY_LABEL, label(p.practiceCivility()));
        put(row, StagingColumn.LAST_NAME, p.lastName());
        put(row, StagingColumn.FIRST_NAME, p.firstName());
        put(row, StagingColumn.SEARCH_NAME, SearchNames.key(p.lastName(), p.firstName()));
        put(row, StagingColumn.PROFESSION_CODE, code(p.profession()));
        put(row, StagingColumn.PROFESSION_LABEL, label(p.profession()));
        put(row, StagingColumn.CATEGORY_CODE, code(p.category()));
        put(row, StagingColumn.CATEGORY_LABEL, label(p.category()));
        put(row, StagingColumn.SAVOIR_FAIRE, savoirFaire(p.savoirFaire()));
    }

    private void fillActivity(StagingRow row, String idNat, Activity a) {
        row.clear();
        String rowNo = Long.toString(nextRowNo++);
        row.set(StagingColumn.ROW_NO, rowNo);
        row.set(StagingColumn.ROW_KIND, StagingColumn.ACTIVITY_ROW);
        row.set(StagingColumn.ACTIVITY_NO, rowNo);
        put(row, StagingColumn.ID_NAT, idNat);
        put(row, StagingColumn.PROFESSION_CODE, a.professionCode());
        put(row, StagingColumn.MODE_CODE, code(a.mode()));
        put(row, StagingColumn.MODE_LABEL, label(a.mode()));
        put(row, StagingColumn.SECTOR_CODE, code(a.sector()));
        put(row, StagingColumn.SECTOR_LABEL, label(a.sector()));
        put(row, StagingColumn.ROLE_CODE, code(a.role()));
        put(row, StagingColumn.ROLE_LABEL, label(a.role()));
        put(row, StagingColumn.ACTIVITY_KIND_CODE, code(a.activityKind()));
        put(row, StagingColumn.ACTIVITY_KIND_LABEL, label(a.activityKind()));
        put(row, StagingColumn.STRUCTURE_TECHNICAL_ID, a.structureTechnicalId());
        put(row, StagingColumn.STRUCTURE_ID_NAT, a.structureIdNat());
        put(row, StagingColumn.FINESS_SITE, a.finessSite());
        put(row, StagingColumn.FINESS_LEGAL_ENTITY, a.finessLegalEntity());
        put(row, StagingColumn.SIRET, a.siret());
        put(row, StagingColumn.LEGAL_NAME, a.legalName());
        put(row, StagingColumn.TRADE_NAME, a.tradeName());
        Address address = a.address();
        if (address != null) {
            put(row, StagingColumn.ADDRESS_LINE, AddressLines.street(address.streetNumber(),
                    address.repetitionIndex(), label(address.streetType()), address.streetName()));
            put(row, StagingColumn.ADDRESS_COMPLEMENT, AddressLines.complement(address.geographicComplement(),
                    address.distributionMention()));
            put(row, StagingColumn.POSTAL_CODE, address.postalCode());
            put(row, StagingColumn.CITY, AddressLines.city(label(address.commune()), address.cedexOffice()));
            put(row, StagingColumn.COUNTRY, address.country() == null ? null
                    : address.country().label() != null ? address.country().label() : address.country().code());
            put(row, StagingColumn.DEPARTEMENT, address.departement());
            put(row, StagingColumn.PHONE, address.phone());
            put(row, StagingColumn.EMAIL, address.email());
        }
    }

    /** Over the stored values only, so that a change the tables cannot show never counts as a change. */
    private String contentHash(int activityCount) {
        hash.reset();
        for (StagingColumn column : StagingColumn.professionalColumns()) {
            if (column != StagingColumn.CONTENT_HASH) {
                hash.add(professionalRow.get(column));
            }
        }
        hash.endRow();
        for (int i = 0; i < activityCount; i++) {
            StagingRow row = activityRows.get(i);
            for (StagingColumn column : StagingColumn.activityColumns()) {
                if (column != StagingColumn.ACTIVITY_NO && column != StagingColumn.ID_NAT) {
                    hash.add(row.get(column));
                }
            }
            hash.endRow();
        }
        return hash.hex();
    }

    private void put(StagingRow row, StagingColumn column, String value) {
        if (value != null && value.length() > column.maxLength()) {
            truncatedValues++;
            value = value.substring(0, column.maxLength());
        }
        row.set(column, value);
    }

    private static String savoirFaire(List<SavoirFaire> entries) {
        if (entries.isEmpty()) {
            return null;
        }
        List<SavoirFaireCodec.Entry> encoded = new ArrayList<>(entries.size());
        for (SavoirFaire entry : entries) {
            encoded.add(new SavoirFaireCodec.Entry(code(entry.type()), label(entry.type()), code(entry.skill()),
                    label(entry.skill())));
        }
        return SavoirFaireCodec.encode(encoded);
    }

    private static String code(Coded coded) {
        return coded == null ? null : coded.code();
    }

    private static String label(Coded coded) {
        return coded == null ? null : coded.label();
    }
}
