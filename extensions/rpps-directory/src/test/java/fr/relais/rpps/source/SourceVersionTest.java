package fr.relais.rpps.source;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SourceVersionTest {

    @Test
    void roundTrips() {
        SourceVersion version = new SourceVersion("\"abc\"", null, "PS_LibreAcces_202611280000.zip");
        assertThat(SourceVersion.decode(version.encode())).isEqualTo(version);
    }

    @Test
    void judgesByTheStrongestEvidenceBothHave() {
        SourceVersion etag = new SourceVersion("\"a\"", "Sat, 28 Nov 2026 03:00:00 GMT", "x.zip");
        assertThat(etag.sameFileAs(new SourceVersion("\"a\"", "other", "y.zip"))).isTrue();
        assertThat(etag.sameFileAs(new SourceVersion("\"b\"", "Sat, 28 Nov 2026 03:00:00 GMT", "x.zip"))).isFalse();

        SourceVersion dated = new SourceVersion(null, "Sat, 28 Nov 2026 03:00:00 GMT", "a.txt");
        assertThat(dated.sameFileAs(new SourceVersion(null, "Sat, 28 Nov 2026 03:00:00 GMT", "a.txt"))).isTrue();
        assertThat(dated.sameFileAs(new SourceVersion(null, "Sun, 29 Nov 2026 03:00:00 GMT", "a.txt"))).isFalse();

        SourceVersion named = new SourceVersion(null, null, "PS_LibreAcces_202611280000.zip");
        assertThat(named.sameFileAs(new SourceVersion(null, null, "PS_LibreAcces_202611280000.zip"))).isTrue();
        assertThat(new SourceVersion(null, null, "extraction.zip")
                .sameFileAs(new SourceVersion(null, null, "extraction.zip"))).as("an undated name proves nothing").isFalse();
    }
}
