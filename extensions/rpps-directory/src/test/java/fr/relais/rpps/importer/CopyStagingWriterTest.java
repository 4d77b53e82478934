package fr.relais.rpps.importer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import fr.relais.rpps.store.RppsTables;

class CopyStagingWriterTest {

    private final ByteArrayOutputStream sent = new ByteArrayOutputStream();
    private int opened;
    private int ended;

    private final PostgresCopy.Opener copy = () -> {
        opened++;
        return new PostgresCopy.CopyOut() {
            @Override
            public void write(byte[] buffer, int length) {
                sent.write(buffer, 0, length);
            }

            @Override
            public long end() {
                ended++;
                return 0;
            }

            @Override
            public void cancel() {
                throw new AssertionError("nothing to cancel");
            }
        };
    };

    @Test
    void writesTheTextFormatWithEscapesNullsAndUtf8() throws Exception {
        StagingRow row = new StagingRow();
        row.set(StagingColumn.ROW_NO, "1");
        row.set(StagingColumn.ROW_KIND, "P");
        row.set(StagingColumn.ID_NAT, "810000000001");
        row.set(StagingColumn.LAST_NAME, "LEFÈVRE\tback\\slash\nnew");
        row.set(StagingColumn.FIRST_NAME, "Zoë 𝄞");
        row.set(StagingColumn.CITY, "LYON\r\uD800CEDEX");

        try (CopyStagingWriter writer = new CopyStagingWriter(copy)) {
            writer.write(row);
            writer.finish();
        }

        String text = sent.toString(StandardCharsets.UTF_8);
        String[] fields = text.substring(0, text.length() - 1).split("\t", -1);
        assertThat(text).endsWith("\n");
        assertThat(fields).hasSize(StagingColumn.values().length);
        assertThat(fields[StagingColumn.ROW_NO.ordinal()]).isEqualTo("1");
        assertThat(fields[StagingColumn.LAST_NAME.ordinal()]).isEqualTo("LEFÈVRE\\tback\\\\slash\\nnew");
        assertThat(fields[StagingColumn.FIRST_NAME.ordinal()]).isEqualTo("Zoë 𝄞");
        // A lone surrogate is not valid UTF-8: PostgreSQL would refuse the whole chunk, so it becomes '?'.
        assertThat(fields[StagingColumn.CITY.ordinal()]).isEqualTo("LYON\\r?CEDEX");
        assertThat(fields[StagingColumn.EMAIL.ordinal()]).isEqualTo("\\N");
        assertThat(opened).isEqualTo(1);
        assertThat(ended).isEqualTo(1);
    }

    @Test
    void sendsWholeRowsOneChunkPerCopy() throws Exception {
        StagingRow row = new StagingRow();
        String accented = "é".repeat(300_000);
        row.set(StagingColumn.SAVOIR_FAIRE, accented);
        try (CopyStagingWriter writer = new CopyStagingWriter(copy)) {
            for (int i = 0; i < 10; i++) {
                writer.write(row);
            }
            writer.finish();
            assertThat(writer.chunks()).isEqualTo(opened);
        }
        assertThat(opened).isEqualTo(ended).isBetween(2, 9);
        assertThat(sent.toString(StandardCharsets.UTF_8).split("\n")).hasSize(10)
                .allSatisfy(line -> assertThat(line).contains(accented));
    }

    @Test
    void aSingleRowLargerThanAChunkGoesWhole() throws Exception {
        StagingRow row = new StagingRow();
        row.set(StagingColumn.SAVOIR_FAIRE, "x".repeat(3 * CopyStagingWriter.CHUNK_BYTES));
        try (CopyStagingWriter writer = new CopyStagingWriter(copy)) {
            writer.write(row);
            writer.finish();
        }
        assertThat(opened).isEqualTo(1);
        assertThat(sent.size()).isGreaterThan(3 * CopyStagingWriter.CHUNK_BYTES);
    }

    @Test
    void copiesEveryColumnInOrder() {
        assertThat(CopyStagingWriter.copySql(new RppsTables("keycloak")))
                .startsWith("COPY keycloak.RELAIS_RPPS_STAGING (ROW_NO, ROW_KIND, ID_NAT, IDENTIFIER_TYPE,")
                .endsWith("PHONE, EMAIL) FROM STDIN");
    }
}
