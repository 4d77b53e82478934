package fr.relais.psc.domain;

/** A profession practised at one place: the pair the organisation cares about. */
public record Practice(Exercice exercice, Activity activity) {
}
