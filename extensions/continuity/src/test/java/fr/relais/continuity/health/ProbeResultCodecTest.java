package fr.relais.continuity.health;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class ProbeResultCodecTest {

    @Test
    void roundTrips() {
        List<ProbeResult> results = List.of(ProbeResult.answered("https://psc.test/certs", 200, 12),
                ProbeResult.unanswered("https://psc.test/disco", 1000, "HttpTimeoutException: request timed out"),
                ProbeResult.answered("http://crl.test/a.crl", 503, 3));
        assertThat(ProbeResultCodec.decode(ProbeResultCodec.encode(results))).isEqualTo(results);
    }

    @Test
    void separatorsInErrorsCannotBreakTheFormat() {
        ProbeResult odd = ProbeResult.unanswered("https://psc.test/a", 5, "line one\nline\ttwo");
        List<ProbeResult> decoded = ProbeResultCodec.decode(ProbeResultCodec.encode(List.of(odd)));
        assertThat(decoded).hasSize(1);
        assertThat(decoded.get(0).error()).isEqualTo("line one line two");
    }

    @Test
    void staysWithinTheColumn() {
        List<ProbeResult> many = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            many.add(ProbeResult.answered("https://psc.test/" + "x".repeat(50) + i, 200, 1));
        }
        String encoded = ProbeResultCodec.encode(many);
        assertThat(encoded.length()).isLessThanOrEqualTo(ProbeResultCodec.MAX_CHARS);
        assertThat(ProbeResultCodec.decode(encoded)).isNotEmpty();
    }

    @Test
    void unreadableTextGivesNoResultRatherThanAnError() {
        assertThat(ProbeResultCodec.decode(null)).isEmpty();
        assertThat(ProbeResultCodec.decode("garbage\nx\ty\tz\tw")).isEmpty();
    }
}
