package fr.relais.bench.rpps;

import java.util.SplittableRandom;

/** The départements of France with a rough population weight, so activities cluster where people live. */
final class Departements {

    record Departement(String code, String label, int weight) {

        /** A postal code of this département: Corsica and overseas have their own patterns. */
        String postalCode(SplittableRandom random) {
            return switch (code) {
                case "2A" -> "20" + (random.nextBoolean() ? "0" : "1") + twoDigits(random);
                case "2B" -> "20" + (random.nextBoolean() ? "2" : "6") + twoDigits(random);
                default -> code.length() == 3
                        ? code + twoDigits(random)
                        : code + (random.nextInt(9) + 1) + twoDigits(random);
            };
        }

        String communeCode(SplittableRandom random) {
            return code.length() == 3 ? code + twoDigits(random) : code + threeDigits(random);
        }
    }

    // code:label:weight, weight ~ population in units of 250 000 (at least 1).
    private static final String TABLE = "01:Ain:3|02:Aisne:2|03:Allier:1|04:Alpes-de-Haute-Provence:1|"
            + "05:Hautes-Alpes:1|06:Alpes-Maritimes:4|07:Ardèche:1|08:Ardennes:1|09:Ariège:1|10:Aube:1|11:Aude:1|"
            + "12:Aveyron:1|13:Bouches-du-Rhône:8|14:Calvados:3|15:Cantal:1|16:Charente:1|17:Charente-Maritime:3|"
            + "18:Cher:1|19:Corrèze:1|2A:Corse-du-Sud:1|2B:Haute-Corse:1|21:Côte-d'Or:2|22:Côtes-d'Armor:2|"
            + "23:Creuse:1|24:Dordogne:2|25:Doubs:2|26:Drôme:2|27:Eure:2|28:Eure-et-Loir:2|29:Finistère:4|"
            + "30:Gard:3|31:Haute-Garonne:6|32:Gers:1|33:Gironde:6|34:Hérault:5|35:Ille-et-Vilaine:4|36:Indre:1|"
            + "37:Indre-et-Loire:2|38:Isère:5|39:Jura:1|40:Landes:2|41:Loir-et-Cher:1|42:Loire:3|43:Haute-Loire:1|"
            + "44:Loire-Atlantique:6|45:Loiret:3|46:Lot:1|47:Lot-et-Garonne:1|48:Lozère:1|49:Maine-et-Loire:3|"
            + "50:Manche:2|51:Marne:2|52:Haute-Marne:1|53:Mayenne:1|54:Meurthe-et-Moselle:3|55:Meuse:1|"
            + "56:Morbihan:3|57:Moselle:4|58:Nièvre:1|59:Nord:10|60:Oise:3|61:Orne:1|62:Pas-de-Calais:6|"
            + "63:Puy-de-Dôme:3|64:Pyrénées-Atlantiques:3|65:Hautes-Pyrénées:1|66:Pyrénées-Orientales:2|"
            + "67:Bas-Rhin:4|68:Haut-Rhin:3|69:Rhône:7|70:Haute-Saône:1|71:Saône-et-Loire:2|72:Sarthe:2|"
            + "73:Savoie:2|74:Haute-Savoie:3|75:Paris:9|76:Seine-Maritime:5|77:Seine-et-Marne:6|78:Yvelines:6|"
            + "79:Deux-Sèvres:1|80:Somme:2|81:Tarn:1|82:Tarn-et-Garonne:1|83:Var:4|84:Vaucluse:2|85:Vendée:3|"
            + "86:Vienne:2|87:Haute-Vienne:1|88:Vosges:1|89:Yonne:1|90:Territoire de Belfort:1|91:Essonne:5|"
            + "92:Hauts-de-Seine:6|93:Seine-Saint-Denis:6|94:Val-de-Marne:6|95:Val-d'Oise:5|971:Guadeloupe:2|"
            + "972:Martinique:1|973:Guyane:1|974:La Réunion:3|976:Mayotte:1";

    private final Departement[] all;
    private final int[] cumulative;

    Departements() {
        String[] entries = TABLE.split("\\|");
        all = new Departement[entries.length];
        cumulative = new int[entries.length];
        int total = 0;
        for (int i = 0; i < entries.length; i++) {
            String[] parts = entries[i].split(":");
            all[i] = new Departement(parts[0], parts[1], Integer.parseInt(parts[2]));
            total += all[i].weight();
            cumulative[i] = total;
        }
    }

    Departement pick(SplittableRandom random) {
        int ticket = random.nextInt(cumulative[cumulative.length - 1]);
        for (int i = 0; i < cumulative.length; i++) {
            if (ticket < cumulative[i]) {
                return all[i];
            }
        }
        throw new IllegalStateException("unreachable: ticket beyond the total weight");
    }

    private static String twoDigits(SplittableRandom random) {
        return Digits.padded(random.nextInt(100), 2);
    }

    private static String threeDigits(SplittableRandom random) {
        return Digits.padded(random.nextInt(1, 1000), 3);
    }
}
