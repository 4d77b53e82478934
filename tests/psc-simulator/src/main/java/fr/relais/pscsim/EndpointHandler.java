package fr.relais.pscsim;

import java.io.IOException;

/** One PSC endpoint, called after the request was logged and the transport faults were applied. */
interface EndpointHandler {

    void handle(Call call) throws IOException;
}
