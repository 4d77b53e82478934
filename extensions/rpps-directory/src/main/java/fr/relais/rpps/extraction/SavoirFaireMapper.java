package fr.relais.rpps.extraction;

import static fr.relais.rpps.extraction.SavoirFaireColumn.*;

/** One SavoirFaire row → an entry of the {@link SavoirFaireIndex}. */
final class SavoirFaireMapper implements RowSink<SavoirFaireColumn> {

    private final SavoirFaireIndex index;

    SavoirFaireMapper(SavoirFaireIndex index) {
        this.index = index;
    }

    @Override
    public Rejection accept(Row<SavoirFaireColumn> row) {
        String idNat = row.get(ID_NAT);
        Rejection invalid = IdNat.check(idNat);
        if (invalid != null) {
            return invalid;
        }
        String code = row.get(CODE);
        if (code == null) {
            return new Rejection(BadLineReason.MISSING_VALUE, "no savoir-faire code");
        }
        index.add(idNat, new SavoirFaire(Coded.of(row.get(TYPE_CODE), row.get(TYPE_LABEL)),
                new Coded(code, row.get(LABEL))));
        return null;
    }
}
