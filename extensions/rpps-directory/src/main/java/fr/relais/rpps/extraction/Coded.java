package fr.relais.rpps.extraction;

/**
 * A code from an ANS nomenclature with the label the extraction printed next to it.
 * The label is kept because the extraction is the only nomenclature copy the appliance has offline.
 */
public record Coded(String code, String label) {

    /** Returns {@code null} when both parts are absent, so an empty pair never looks like data. */
    static Coded of(String code, String label) {
        return code == null && label == null ? null : new Coded(code, label);
    }
}
