package fr.relais.cps.profile;

/** Either a profile or the reason there is none; parsing never throws at its caller. */
public sealed interface ProfileResult {

    record Parsed(CardProfile profile) implements ProfileResult {
    }

    record Rejected(ProfileRejection reason, String detail) implements ProfileResult {
    }
}
