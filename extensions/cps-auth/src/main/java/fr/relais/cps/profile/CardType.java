package fr.relais.cps.profile;

import java.util.Optional;

/** TRE_G02 "TypeProduit", carried in certificate extension 1.2.250.1.71.1.2.2. */
public enum CardType {
    /** Carte de Professionnel de Santé: a nominative card of an RPPS/ADELI professional. */
    CPS(0),
    /** Carte de Professionnel en Formation. */
    CPF(1),
    /** Carte de Personnel d'Établissement: issued by a structure to its staff. */
    CPE(2),
    /** Carte de Personnel Autorisé. */
    CPA(3);

    private final int code;

    CardType(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    /** True for cards issued by a structure rather than tied to a national professional identifier. */
    public boolean structureIssued() {
        return this == CPE || this == CPA;
    }

    public static Optional<CardType> ofCode(int code) {
        for (CardType type : values()) {
            if (type.code == code) {
                return Optional.of(type);
            }
        }
        return Optional.empty();
    }
}
