package fr.relais.rpps.extraction;

/**
 * Kind of the national identifier of a professional: the first character of idNat_PS, followed by the
 * number it prefixes. Only these two kinds appear in the professional extractions.
 */
public enum IdentifierType {
    ADELI("0"),
    RPPS("8");

    private final String code;

    IdentifierType(String code) {
        this.code = code;
    }

    /** The value of "Type d'identifiant PP", which is also the idNat_PS prefix. */
    public String code() {
        return code;
    }

    static IdentifierType fromCode(String code) {
        for (IdentifierType type : values()) {
            if (type.code.equals(code)) {
                return type;
            }
        }
        return null;
    }
}
