package fr.relais.continuity.keycloak;

import org.keycloak.models.KeycloakSession;
import org.keycloak.timer.ScheduledTask;

import fr.relais.continuity.health.UpstreamBoard;

/** Copies the shared upstream states into this node's memory; runs on every node. */
final class UpstreamSyncTask implements ScheduledTask {

    private final HealthStore store;
    private final UpstreamBoard board;

    UpstreamSyncTask(HealthStore store, UpstreamBoard board) {
        this.store = store;
        this.board = board;
    }

    @Override
    public void run(KeycloakSession session) {
        store.loadAll(session).values().forEach(board::offer);
    }

    @Override
    public String getTaskName() {
        return "relais-upstream-health-sync";
    }
}
