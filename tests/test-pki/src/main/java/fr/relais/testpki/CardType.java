package fr.relais.testpki;

/** Card types of table TRE_G02 / DICO G02, carried as an INTEGER in extension 1.2.250.1.71.1.2.2. */
public enum CardType {
    /** Carte de Professionnel de Santé. */
    CPS(0),
    /** Carte de Professionnel de Santé en Formation. */
    CPF(1),
    /** Carte de Personnel d'Etablissement. */
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

    /** CPS and CPF belong to health professionals and come from the FORT range; CPE and CPA from STANDARD. */
    public boolean healthProfessional() {
        return this == CPS || this == CPF;
    }
}
