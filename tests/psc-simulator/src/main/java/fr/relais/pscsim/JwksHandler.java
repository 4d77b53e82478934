package fr.relais.pscsim;

import java.io.IOException;

/** The realm's public signing key; never the impostor key of the bad-signature fault. */
final class JwksHandler implements EndpointHandler {

    private final SimContext context;

    JwksHandler(SimContext context) {
        this.context = context;
    }

    @Override
    public void handle(Call call) throws IOException {
        call.sendJson(200, context.keys.publicJwks().toJSONObject(true));
    }
}
