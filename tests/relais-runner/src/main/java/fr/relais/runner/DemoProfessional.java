package fr.relais.runner;

import java.util.List;

import fr.relais.testpki.CardType;

/** A made-up professional of the local demo: one account in the realm and one card certificate. */
public record DemoProfessional(String username, String idNatPs, String givenName, String surname, String title,
                               Integer professionCode, CardType cardType) {

    /**
     * RPPS-style identifiers use the 99700… range seen on ANS test cards; the CPE holder carries a
     * structure-based identifier (FINESS + internal number), as staff cards do.
     */
    public static final List<DemoProfessional> ALL = List.of(
            new DemoProfessional("claire.martin", "899700100011", "Claire", "MARTIN", "Infirmier", 60, CardType.CPS),
            new DemoProfessional("paul.durand", "899700100029", "Paul", "DURAND", "Médecin", 10, CardType.CPS),
            new DemoProfessional("ines.moreau", "899700100037", "Inès", "MOREAU", "Masseur-Kinésithérapeute", 70,
                    CardType.CPS),
            new DemoProfessional("lucas.petit", "899700100045", "Lucas", "PETIT", "Médecin", 10, CardType.CPF),
            new DemoProfessional("sophie.bernard", "3750000001/EMP0001", "Sophie", "BERNARD",
                    "Carte de service santé ou social", null, CardType.CPE));

    public String email() {
        return username + "@ehpad-demo.test";
    }
}
