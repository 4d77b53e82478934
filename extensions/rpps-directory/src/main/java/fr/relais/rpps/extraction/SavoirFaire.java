package fr.relais.rpps.extraction;

/**
 * One savoir-faire of a professional: its type (TRE_R04, e.g. {@code S} spécialité ordinale) and the
 * savoir-faire itself (e.g. TRE_R38 {@code SM54} médecine générale).
 */
public record SavoirFaire(Coded type, Coded skill) {
}
