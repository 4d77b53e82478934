package fr.relais.rpps.directory;

import java.util.Collection;
import java.util.Optional;

/**
 * The activity a token describes: the professional's practice at the organisation the realm belongs to.
 * The site FINESS is preferred over the legal-entity FINESS, which a group of establishments shares; a
 * professional working at two of the organisation's sites gets the first in file order.
 */
public final class OrganisationActivity {

    private OrganisationActivity() {
    }

    public static Optional<ActivityRecord> of(ProfessionalRecord professional, Collection<String> organisationFiness) {
        if (organisationFiness.isEmpty()) {
            return Optional.empty();
        }
        for (ActivityRecord activity : professional.activities()) {
            if (activity.finessSite() != null && organisationFiness.contains(activity.finessSite())) {
                return Optional.of(activity);
            }
        }
        for (ActivityRecord activity : professional.activities()) {
            if (activity.atAnyOf(organisationFiness)) {
                return Optional.of(activity);
            }
        }
        return Optional.empty();
    }
}
