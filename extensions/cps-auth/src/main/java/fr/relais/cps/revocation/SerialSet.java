package fr.relais.cps.revocation;

import java.math.BigInteger;
import java.util.Arrays;

/**
 * The revoked serial numbers of one CRL, looked up in O(1) without one object per entry: serials are
 * packed into a single byte array and indexed by an open-addressing table of offsets. A million
 * 16-byte serials take about 17 MB + 8 MB, where a {@code HashSet<BigInteger>} would take over 100 MB.
 */
public final class SerialSet {

    private final byte[] data;
    private final int[] offsets;  // index of the serial's length byte in data, -1 when the slot is free
    private final int size;

    private SerialSet(byte[] data, int[] offsets, int size) {
        this.data = data;
        this.offsets = offsets;
        this.size = size;
    }

    public int size() {
        return size;
    }

    public boolean contains(BigInteger serial) {
        byte[] key = magnitude(serial);
        int mask = offsets.length - 1;
        for (int slot = hash(key, 0, key.length) & mask; ; slot = (slot + 1) & mask) {
            int offset = offsets[slot];
            if (offset < 0) {
                return false;
            }
            int length = data[offset] & 0xff;
            if (length == key.length && Arrays.equals(data, offset + 1, offset + 1 + length, key, 0, key.length)) {
                return true;
            }
        }
    }

    /** Serial numbers are compared as unsigned magnitudes, the form certificates and CRLs share. */
    static byte[] magnitude(BigInteger serial) {
        byte[] bytes = serial.toByteArray();
        int start = 0;
        while (start < bytes.length - 1 && bytes[start] == 0) {
            start++;
        }
        return start == 0 ? bytes : Arrays.copyOfRange(bytes, start, bytes.length);
    }

    private static int hash(byte[] bytes, int from, int to) {
        int h = 0x9747b28c;
        for (int i = from; i < to; i++) {
            h = (h ^ bytes[i]) * 0x01000193;
        }
        return h ^ (h >>> 16);
    }

    /** Collects serials (as DER INTEGER contents) while a CRL is streamed. */
    public static final class Builder {
        private byte[] data = new byte[1024];
        private int length;
        private int count;
        private int[] starts = new int[64];

        /** Adds a serial given as the content octets of a DER INTEGER. */
        public void add(byte[] source, int from, int to) {
            while (to - from > 1 && source[from] == 0) {
                from++;  // drop the sign octet so equal magnitudes compare equal
            }
            int serialLength = to - from;
            if (serialLength > 255) {
                throw new IllegalArgumentException("serial number longer than 255 octets");
            }
            ensure(serialLength + 1);
            if (count == starts.length) {
                starts = Arrays.copyOf(starts, count * 2);
            }
            starts[count++] = length;
            data[length++] = (byte) serialLength;
            System.arraycopy(source, from, data, length, serialLength);
            length += serialLength;
        }

        private void ensure(int more) {
            if (length + more > data.length) {
                data = Arrays.copyOf(data, Math.max(data.length * 2, length + more));
            }
        }

        public SerialSet build() {
            int capacity = Integer.highestOneBit(Math.max(4, count * 2 - 1)) << 1;
            int[] offsets = new int[capacity];
            Arrays.fill(offsets, -1);
            int mask = capacity - 1;
            int distinct = 0;
            for (int i = 0; i < count; i++) {
                int offset = starts[i];
                int serialLength = data[offset] & 0xff;
                int slot = hash(data, offset + 1, offset + 1 + serialLength) & mask;
                boolean duplicate = false;
                while (offsets[slot] >= 0) {
                    int other = offsets[slot];
                    if ((data[other] & 0xff) == serialLength
                            && Arrays.equals(data, other + 1, other + 1 + serialLength, data, offset + 1, offset + 1 + serialLength)) {
                        duplicate = true;
                        break;
                    }
                    slot = (slot + 1) & mask;
                }
                if (!duplicate) {
                    offsets[slot] = offset;
                    distinct++;
                }
            }
            return new SerialSet(Arrays.copyOf(data, length), offsets, distinct);
        }
    }
}
