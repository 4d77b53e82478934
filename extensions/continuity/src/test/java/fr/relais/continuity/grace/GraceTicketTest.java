package fr.relais.continuity.grace;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import fr.relais.continuity.grace.GraceTicket.EndReason;
import fr.relais.continuity.grace.GraceTicket.Refusal;

class GraceTicketTest {

    private static final Instant END = Instant.parse("2026-11-30T12:00:00Z");
    private static final Instant UNTIL = END.plus(Duration.ofHours(1));
    private static final GraceTicket OFFERED = new GraceTicket(END, UNTIL, null, null);

    @Test
    void aProfessionalComingBackAfterTheEndDuringTheOutageContinues() {
        assertThat(OFFERED.resumeRefusal(END.plusSeconds(1), true)).isEmpty();
        assertThat(OFFERED.resumeRefusal(UNTIL.minusMillis(1), true)).isEmpty();
    }

    @Test
    void aSessionGoneBeforeItsOwnEndWasEndedOnPurposeAndStaysEnded() {
        assertThat(OFFERED.resumeRefusal(END.minusSeconds(1), true)).contains(Refusal.ENDED_EARLY);
    }

    @Test
    void theGraceIsUsedOnceAndNeverPastItsBound() {
        GraceTicket used = new GraceTicket(END, UNTIL, END.plusSeconds(5), null);
        assertThat(used.resumeRefusal(END.plusSeconds(10), true)).contains(Refusal.USED);
        assertThat(OFFERED.resumeRefusal(UNTIL, true)).contains(Refusal.EXPIRED);
        GraceTicket closed = new GraceTicket(END, UNTIL, null, END.plusSeconds(3));
        assertThat(closed.resumeRefusal(END.plusSeconds(10), true)).contains(Refusal.CLOSED);
    }

    @Test
    void withPscBackTheProfessionalSignsInNormally() {
        assertThat(OFFERED.resumeRefusal(END.plusSeconds(1), false)).contains(Refusal.PSC_BACK);
    }

    @Test
    void theSweepClosesOnPscBackOrAtTheBoundAndOnlyOnce() {
        GraceTicket inUse = new GraceTicket(END, UNTIL, END.plusSeconds(5), null);
        assertThat(inUse.endReason(END.plusSeconds(30), true)).isEmpty();
        assertThat(inUse.endReason(END.plusSeconds(30), false)).contains(EndReason.PSC_BACK);
        assertThat(inUse.endReason(UNTIL, true)).contains(EndReason.EXPIRED);
        assertThat(OFFERED.endReason(UNTIL.plusSeconds(1), true)).as("an unused offer lapses too").contains(EndReason.EXPIRED);
        assertThat(new GraceTicket(END, UNTIL, END.plusSeconds(5), UNTIL).endReason(UNTIL.plusSeconds(60), false)).isEmpty();
    }
}
