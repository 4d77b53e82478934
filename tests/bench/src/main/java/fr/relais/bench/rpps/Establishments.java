package fr.relais.bench.rpps;

import java.util.Locale;
import java.util.SplittableRandom;

/**
 * A fixed pool of FINESS establishments that salaried activities point to, so that, as in the real
 * file, thousands of professionals share one hospital and an import can be queried by FINESS.
 */
final class Establishments {

    private record Sector(String code, String label, String namePrefix, int weight) {
    }

    private static final Sector[] SECTORS = {
        new Sector("SA01", "Etablissement public de santé", "CENTRE HOSPITALIER DE ", 30),
        new Sector("SA03", "Etablissement privé PSPH", "HOPITAL PRIVE D'INTERET COLLECTIF DE ", 8),
        new Sector("SA04", "Etablissement privé non PSPH", "CLINIQUE DE ", 12),
        new Sector("SA17", "Etablissement pour personnes âgées", "EHPAD RESIDENCE LES TILLEULS ", 25),
        new Sector("SA16", "Etablissement pour personnes handicapées", "MAISON D'ACCUEIL SPECIALISEE DE ", 8),
        new Sector("SA05", "Centre de santé", "CENTRE DE SANTE MUNICIPAL DE ", 8),
        new Sector("SA41", "Autre établissement social et médico-social", "SSIAD DE ", 6),
        new Sector("SA25", "Laboratoire de biologie médicale", "LABORATOIRE DE BIOLOGIE MEDICALE DE ", 3),
    };

    private static final String[] SERVICES = {
        "SERVICE DE MEDECINE POLYVALENTE", "POLE URGENCES", "SERVICE DE GERIATRIE", "BLOC OPERATOIRE",
        "PHARMACIE A USAGE INTERIEUR", "UNITE DE SOINS DE LONGUE DUREE", "SERVICE DE PEDIATRIE",
        "DIRECTION DES SOINS",
    };

    private final Structure[] pool;

    Establishments(int size, Departements departements, SplittableRandom random) {
        int totalWeight = 0;
        for (Sector sector : SECTORS) {
            totalWeight += sector.weight();
        }
        pool = new Structure[size];
        for (int i = 0; i < size; i++) {
            pool[i] = create(pickSector(random.nextInt(totalWeight)), departements.pick(random), random);
        }
    }

    /** Skewed towards the start of the pool: a few large establishments employ many professionals. */
    Structure pick(SplittableRandom random) {
        double u = random.nextDouble();
        return pool[(int) (u * u * pool.length)];
    }

    private static Sector pickSector(int ticket) {
        for (Sector sector : SECTORS) {
            ticket -= sector.weight();
            if (ticket < 0) {
                return sector;
            }
        }
        throw new IllegalStateException("unreachable: ticket beyond the total weight");
    }

    private static Structure create(Sector sector, Departements.Departement departement, SplittableRandom random) {
        String finessSite = Places.finess(departement, random);
        Places.Address address = Places.address(departement, random);
        String commune = address.communeLabel().toUpperCase(Locale.ROOT);
        return new Structure(sector.code(), sector.label(), "", "", finessSite, Places.finess(departement, random),
                "F" + finessSite,
                sector.namePrefix() + commune + (random.nextBoolean() ? " - SITE " + address.street() : ""),
                random.nextInt(3) == 0 ? "GROUPE " + sector.namePrefix().strip() : "",
                random.nextInt(10) < 7 ? SERVICES[random.nextInt(SERVICES.length)] : "",
                address, "1" + finessSite);
    }
}
