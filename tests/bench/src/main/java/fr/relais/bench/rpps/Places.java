package fr.relais.bench.rpps;

import java.util.Locale;
import java.util.SplittableRandom;

/** Made-up addresses, phone numbers and FINESS/SIRET numbers, spread over the départements. */
final class Places {

    /** The "coord. structure" columns of one structure. */
    record Address(
            String geographicComplement,
            String number,
            String repetitionIndex,
            String streetTypeCode,
            String streetTypeLabel,
            String street,
            String distributionMention,
            String cedexOffice,
            String postalCode,
            String communeCode,
            String communeLabel,
            String phone,
            String phone2,
            String fax,
            String email,
            Departements.Departement departement) {
    }

    private static final String[][] STREET_TYPES = {
        {"R", "Rue"}, {"AV", "Avenue"}, {"BD", "Boulevard"}, {"PL", "Place"}, {"CHE", "Chemin"}, {"RTE", "Route"},
        {"ALL", "Allée"}, {"IMP", "Impasse"}, {"QU", "Quai"}, {"CRS", "Cours"},
    };
    private static final String[] STREETS = {
        "DE LA RÉPUBLIQUE", "DU GÉNÉRAL DE GAULLE", "JEAN JAURÈS", "VICTOR HUGO", "PASTEUR", "DES LILAS",
        "DE LA GARE", "DU MOULIN", "DE L'ÉGLISE", "DES ÉCOLES", "GAMBETTA", "DE LA LIBÉRATION", "FOCH",
        "DU 8 MAI 1945", "DE VERDUN", "CARNOT", "DES TILLEULS", "DU STADE", "SAINT-MARTIN", "DE LA PAIX",
        "ÉMILE ZOLA", "DES PEUPLIERS", "DU CHÂTEAU", "DE BESANCON", "ARISTIDE BRIAND", "DE LA MAIRIE",
    };
    private static final String[] COMPLEMENTS = {
        "BATIMENT A", "BATIMENT C", "RESIDENCE LES JARDINS", "ZONE D'ACTIVITE DU MOULIN", "CENTRE COMMERCIAL",
        "ESPACE SANTE", "LE PARC", "HALL 2 - 1ER ETAGE",
    };
    private static final String[] COMMUNES = {
        "Saint-Martin", "Villeneuve", "Beaumont", "Montfort", "Fontaine", "Bellevue", "Rochefort",
        "Saint-Étienne-du-Bois", "Châteauneuf", "Mérignac", "Vénissieux", "Sainte-Anne", "Villefranche",
        "Pont-l'Évêque", "Les Abymes", "Le Tampon", "Ajaccio", "Bastia", "Clermont", "Montreuil", "Brive",
        "Saint-Denis", "Lons", "Écully", "Annecy-le-Vieux", "Thonon", "Dax", "Millau", "Pézenas", "Épinal",
    };

    private Places() {
    }

    static Address address(Departements.Departement departement, SplittableRandom random) {
        String[] streetType = STREET_TYPES[random.nextInt(STREET_TYPES.length)];
        String postalCode = departement.postalCode(random);
        String commune = COMMUNES[random.nextInt(COMMUNES.length)];
        return new Address(
                random.nextInt(3) == 0 ? COMPLEMENTS[random.nextInt(COMPLEMENTS.length)] : "",
                Integer.toString(1 + random.nextInt(180)),
                random.nextInt(30) == 0 ? "B" : "",
                streetType[0],
                streetType[1],
                STREETS[random.nextInt(STREETS.length)],
                random.nextInt(4) == 0 ? "CS " + Digits.random(random, 5) : "",
                random.nextInt(20) == 0 ? postalCode + " " + commune.toUpperCase(Locale.ROOT) + " CEDEX" : "",
                postalCode,
                departement.communeCode(random),
                commune,
                phone(departement, random),
                random.nextInt(5) == 0 ? phone(departement, random) : "",
                random.nextInt(4) == 0 ? phone(departement, random) : "",
                random.nextInt(3) < 2 ? "secretariat." + Digits.random(random, 6) + "@structure-sante.example.fr" : "",
                departement);
    }

    /** Nine characters: the département, then digits (the real check digit is not computed). */
    static String finess(Departements.Departement departement, SplittableRandom random) {
        return departement.code() + Digits.random(random, 9 - departement.code().length());
    }

    static String siret(SplittableRandom random) {
        return Digits.random(random, 14);
    }

    private static String phone(Departements.Departement departement, SplittableRandom random) {
        char region = departement.code().length() == 3 ? '6' : (char) ('1' + random.nextInt(5));
        return "0" + region + Digits.random(random, 8);
    }
}
