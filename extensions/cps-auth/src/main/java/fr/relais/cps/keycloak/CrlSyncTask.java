package fr.relais.cps.keycloak;

import org.keycloak.models.KeycloakSession;
import org.keycloak.timer.ScheduledTask;

/** Loads CRLs stored by any node into this node's memory; runs on every node. */
final class CrlSyncTask implements ScheduledTask {

    private final CardRevocationService service;

    CrlSyncTask(CardRevocationService service) {
        this.service = service;
    }

    @Override
    public void run(KeycloakSession session) {
        service.syncFromDatabase(session);
    }

    @Override
    public String getTaskName() {
        return "relais-crl-sync";
    }
}
