package fr.relais.psc.keycloak;

import java.util.LinkedHashMap;
import java.util.Map;

/** A PSC login refused for a known reason; carries what the event records. */
final class PscLoginException extends RuntimeException {

    private final PscFailure failure;
    private final Map<String, String> details = new LinkedHashMap<>();
    private String userId;

    PscLoginException(PscFailure failure, String reason) {
        super(reason, null, false, false);
        this.failure = failure;
    }

    PscLoginException(PscFailure failure, String reason, Throwable cause) {
        super(reason, cause, false, false);
        this.failure = failure;
    }

    PscLoginException detail(String name, String value) {
        if (value != null) {
            details.put(name, value);
        }
        return this;
    }

    /** The account concerned, when there is one already (a signed-in user linking). */
    PscLoginException user(String id) {
        this.userId = id;
        return this;
    }

    String userId() {
        return userId;
    }

    PscFailure failure() {
        return failure;
    }

    Map<String, String> details() {
        return details;
    }
}
