package fr.relais.rpps.extraction;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;

/**
 * An archive entry's content, checked against the size and CRC-32 its zip directory records when the
 * end is reached. {@link java.util.zip.ZipFile} does not check them: damaged compressed data that still
 * inflates would otherwise be read as if it were the extraction, with altered names or numbers.
 */
final class VerifiedEntryStream extends FilterInputStream {

    private final ZipEntry entry;
    private final CRC32 crc = new CRC32();
    private long size;
    private boolean verified;
    private IOException damage;

    VerifiedEntryStream(InputStream in, ZipEntry entry) {
        super(in);
        this.entry = entry;
    }

    @Override
    public int read() throws IOException {
        int b = in.read();
        if (b < 0) {
            verify();
        } else {
            crc.update(b);
            size++;
        }
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int count = in.read(buffer, offset, length);
        if (count < 0) {
            verify();
        } else {
            crc.update(buffer, offset, count);
            size += count;
        }
        return count;
    }

    /** Skipped bytes are read all the same: they count in the check. */
    @Override
    public long skip(long n) throws IOException {
        byte[] scratch = new byte[(int) Math.min(8192, Math.max(0, n))];
        long skipped = 0;
        while (skipped < n) {
            int count = read(scratch, 0, (int) Math.min(scratch.length, n - skipped));
            if (count < 0) {
                break;
            }
            skipped += count;
        }
        return skipped;
    }

    @Override
    public boolean markSupported() {
        return false;
    }

    /** Every read at the end repeats a failed check: a damaged entry never looks like a clean end. */
    private void verify() throws IOException {
        if (!verified) {
            verified = true;
            if (entry.getSize() >= 0 && size != entry.getSize()) {
                damage = new IOException("damaged entry: " + size + " bytes read, the archive announces "
                        + entry.getSize());
            } else if (entry.getCrc() >= 0 && crc.getValue() != entry.getCrc()) {
                damage = new IOException(String.format("damaged entry: CRC-32 %08x, the archive announces %08x",
                        crc.getValue(), entry.getCrc()));
            }
        }
        if (damage != null) {
            throw damage;
        }
    }
}
