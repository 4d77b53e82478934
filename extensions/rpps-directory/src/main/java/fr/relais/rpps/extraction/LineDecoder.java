package fr.relais.rpps.extraction;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/** Turns the bytes of one line into text in the charset detected for its file. */
final class LineDecoder {

    private static final int EXCERPT_BYTES = 160;

    private final Charset charset;
    /** Null for Latin-1, whose every byte is one character. */
    private final CharsetDecoder utf8Decoder;
    private char[] chars = new char[1024];

    LineDecoder(Charset charset) {
        this.charset = charset;
        this.utf8Decoder = StandardCharsets.UTF_8.equals(charset) ? charset.newDecoder().onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE) : null;
    }

    Charset charset() {
        return charset;
    }

    /**
     * True for bytes no text value holds (NUL, a CR not ending the line, DEL…). TAB is let through.
     * Lines passing this check contain no NUL, which {@link FieldSplitter} relies on.
     */
    static boolean hasControlCharacters(byte[] bytes, int start, int length) {
        for (int i = start, end = start + length; i < end; i++) {
            byte b = bytes[i];
            if (b >= 0 && (b < 0x20 && b != '\t' || b == 0x7f)) {
                return true;
            }
        }
        return false;
    }

    /** Returns the line, or {@code null} when a UTF-8 file holds bytes that are not UTF-8. */
    String decode(byte[] bytes, int start, int length) {
        if (utf8Decoder == null) {
            return new String(bytes, start, length, charset);  // Latin-1: one copy
        }
        // Through a buffer kept from line to line: the JDK's own String(byte[], UTF_8) decodes a line with an
        // accent into a two-bytes-per-character array before compacting it, a temporary twice the line's
        // size for every such line of a national import that shares Keycloak's heap with the logins.
        // UTF-8 never has more characters than bytes, so the buffer always holds the line.
        if (chars.length < length) {
            chars = new char[length];
        }
        CharBuffer out = CharBuffer.wrap(chars);
        utf8Decoder.reset();
        utf8Decoder.decode(ByteBuffer.wrap(bytes, start, length), out, true);
        utf8Decoder.flush(out);
        String text = new String(chars, 0, out.position());
        // Malformed input was replaced by U+FFFD; a U+FFFD already in the file means the text was damaged
        // upstream, which is just as much a reason to reject the line.
        return text.indexOf('\uFFFD') >= 0 ? null : text;
    }

    /** A short, printable beginning of a rejected line, for the report. */
    String excerpt(byte[] bytes, int start, int length) {
        return excerpt(new String(bytes, start, Math.min(length, EXCERPT_BYTES), charset));
    }

    /** The same for a line already decoded. */
    String excerpt(String line) {
        String text = line.length() > EXCERPT_BYTES ? line.substring(0, EXCERPT_BYTES) : line;
        StringBuilder printable = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            printable.append(Character.isISOControl(c) ? '?' : c);
        }
        return printable.toString();
    }
}
