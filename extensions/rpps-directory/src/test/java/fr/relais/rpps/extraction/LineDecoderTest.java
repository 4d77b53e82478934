package fr.relais.rpps.extraction;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;

import org.junit.jupiter.api.Test;

class LineDecoderTest {

    private final LineDecoder utf8 = new LineDecoder(UTF_8);

    @Test
    void decodesUtf8OutsideLatin1AtAnyOffset() {
        String line = "ŒUVRE D’ENTRAIDE|Hélène|𝄞|";
        byte[] bytes = ("xx" + line + "yy").getBytes(UTF_8);

        assertThat(utf8.decode(bytes, 2, line.getBytes(UTF_8).length)).isEqualTo(line);
    }

    @Test
    void aShortLineAfterALongOneKeepsNothingOfIt() {
        String wide = "É".repeat(3000);
        assertThat(utf8.decode(wide.getBytes(UTF_8), 0, wide.getBytes(UTF_8).length)).isEqualTo(wide);

        assertThat(utf8.decode("Zoé|".getBytes(UTF_8), 0, "Zoé|".getBytes(UTF_8).length)).isEqualTo("Zoé|");
    }

    @Test
    void bytesThatAreNotUtf8RejectTheLine() {
        byte[] latin1 = "Hélène".getBytes(ISO_8859_1);
        byte[] cutInTheMiddleOfACharacter = Arrays.copyOf("Zoé".getBytes(UTF_8), 3);

        assertThat(utf8.decode(latin1, 0, latin1.length)).isNull();
        assertThat(utf8.decode(cutInTheMiddleOfACharacter, 0, 3)).isNull();
    }

    @Test
    void aReplacementCharacterAlreadyInTheFileRejectsTheLine() {
        byte[] damaged = "H\uFFFDl\uFFFDne".getBytes(UTF_8);

        assertThat(utf8.decode(damaged, 0, damaged.length)).isNull();
    }

    @Test
    void latin1MapsEveryByte() {
        byte[] bytes = "Hélène ÿ".getBytes(ISO_8859_1);

        assertThat(new LineDecoder(ISO_8859_1).decode(bytes, 0, bytes.length)).isEqualTo("Hélène ÿ");
    }
}
