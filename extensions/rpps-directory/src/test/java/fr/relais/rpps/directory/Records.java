package fr.relais.rpps.directory;

import java.util.List;

/** Directory records for tests. */
final class Records {

    private Records() {
    }

    static ActivityRecord activity(String finessSite, String finessLegalEntity, String departement) {
        return new ActivityRecord("10", "S", "Salarié", "SA17", "Etablissement pour personnes âgées", "FON-01",
                "Médecin coordonnateur", null, null, "F" + finessSite, "1" + finessSite, finessSite, finessLegalEntity,
                null, "EHPAD " + finessSite, null, "12 Rue DE LA RÉPUBLIQUE", null, "69003", "Lyon", null, departement,
                null, null);
    }

    static ActivityRecord cabinet(String departement) {
        return new ActivityRecord("10", "L", "Libéral", "SA07", "Cabinet individuel", null, null, null, null,
                null, null, null, null, "12345678900012", "CABINET", null, null, null, departement + "000", "Ville",
                null, departement, null, null);
    }

    static ProfessionalRecord doctor(ActivityRecord... activities) {
        return new ProfessionalRecord("810001045367", "8", "10001045367", "M", "Monsieur", "DR", "Docteur", "GUIGNARD",
                "ÉRIC", "10", "Médecin", "C", "Civil",
                List.of(new SavoirFaireCodec.Entry("S", "Spécialité ordinale", "SM54", "Médecine générale")),
                List.of(activities), 1_795_000_000_000L);
    }
}
