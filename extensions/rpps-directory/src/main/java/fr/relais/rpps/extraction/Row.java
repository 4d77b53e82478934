package fr.relais.rpps.extraction;

/** The fields of one well-formed data line, read through its file's header. */
record Row<E extends Enum<E> & Column>(Header<E> header, String[] fields) {

    String get(E column) {
        return header.value(fields, column);
    }
}
